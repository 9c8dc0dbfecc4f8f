import type { Translation } from '../../app/messages.ts';

/** Strings of the triage queue and of state changes that need a confirmation; in `rescue:triage`. */
const en = {
  place: {
    differs:
      'The register places this compound in {{compound}}; the report says {{reported}}. Both are kept.',
    filled: 'Province taken from the register: {{compound}}.',
    registerProvince: 'register: {{province}}',
  },
  queue: {
    title: 'Triage queue: new reports nobody has taken',
    intro: 'Take a report to become its team. No purpose is asked: taking new reports is the triage job.',
    empty: 'No report is waiting for triage.',
    take: 'Take',
    taking: 'Taking…',
    channel: 'Channel',
  },
  move: {
    title: 'Change the state',
    pathHint: 'A reason is needed to leave the main path.',
    joinHint: 'You are not on this case team: join it to change the case.',
    teamHint: 'Only the case team changes this case; a triage officer can add you.',
    confirmTitle: 'The case is not yet “{{state}}” on record',
    missing: 'Not recorded yet:',
    confirmText: 'Record these steps first, or move anyway and say why (the reason is kept in the history).',
    confirm: 'Move anyway',
    cancel: 'Cancel',
  },
};

const ko: Translation<typeof en> = {
  place: {
    differs: '등록부상 이 단지는 {{compound}}에 있으나 신고 내용은 {{reported}}입니다. 둘 다 보존합니다.',
    filled: '등록부에서 주를 가져왔습니다: {{compound}}.',
    registerProvince: '등록부: {{province}}',
  },
  queue: {
    title: '분류 대기열: 아직 아무도 맡지 않은 신규 신고',
    intro: '신고를 맡으면 사건 팀이 됩니다. 신규 신고 분류는 본래 업무이므로 열람 목적을 묻지 않습니다.',
    empty: '분류를 기다리는 신고가 없습니다.',
    take: '맡기',
    taking: '맡는 중…',
    channel: '접수 경로',
  },
  move: {
    title: '상태 변경',
    pathHint: '주 경로를 벗어나려면 사유가 필요합니다.',
    joinHint: '이 사건 팀이 아닙니다. 사건을 변경하려면 팀에 참여하십시오.',
    teamHint: '사건 팀만 이 사건을 변경할 수 있습니다. 분류 담당관이 팀에 추가할 수 있습니다.',
    confirmTitle: '기록상 아직 “{{state}}” 상태가 아닙니다',
    missing: '아직 기록되지 않음:',
    confirmText: '먼저 이 단계를 기록하거나, 사유를 적고 그대로 변경하십시오(사유는 이력에 남습니다).',
    confirm: '그대로 변경',
    cancel: '취소',
  },
};

const km: Translation<typeof en> = {
  place: {
    differs: 'តាមបញ្ជី បរិវេណនេះស្ថិតនៅ {{compound}}។ របាយការណ៍និយាយថា {{reported}}។ រក្សាទុកទាំងពីរ។',
    filled: 'ខេត្តយកពីបញ្ជី៖ {{compound}}។',
    registerProvince: 'បញ្ជី៖ {{province}}',
  },
  queue: {
    title: 'ជួររង់ចាំចាត់ថ្នាក់៖ របាយការណ៍ថ្មីដែលគ្មាននរណាទទួលយក',
    intro: 'ទទួលយករបាយការណ៍ ដើម្បីក្លាយជាក្រុមករណី។ មិនសួររកគោលបំណងទេ៖ ការទទួលរបាយការណ៍ថ្មីគឺជាការងារចាត់ថ្នាក់។',
    empty: 'គ្មានរបាយការណ៍រង់ចាំការចាត់ថ្នាក់ទេ។',
    take: 'ទទួលយក',
    taking: 'កំពុងទទួលយក…',
    channel: 'មធ្យោបាយ',
  },
  move: {
    title: 'ផ្លាស់ប្តូរស្ថានភាព',
    pathHint: 'ត្រូវការហេតុផល ដើម្បីចាកចេញពីផ្លូវធម្មតា។',
    joinHint: 'អ្នកមិនស្ថិតក្នុងក្រុមករណីនេះទេ៖ សូមចូលរួមក្រុម ដើម្បីផ្លាស់ប្តូរករណី។',
    teamHint: 'មានតែក្រុមករណីទេដែលអាចផ្លាស់ប្តូរករណីនេះ។ មន្ត្រីចាត់ថ្នាក់អាចបន្ថែមអ្នកបាន។',
    confirmTitle: 'តាមកំណត់ត្រា ករណីនេះមិនទាន់ “{{state}}” នៅឡើយទេ',
    missing: 'មិនទាន់បានកត់ត្រា៖',
    confirmText: 'សូមកត់ត្រាជំហានទាំងនេះជាមុនសិន ឬផ្លាស់ប្តូរដដែល ហើយប្រាប់ហេតុផល (ហេតុផលត្រូវរក្សាទុកក្នុងប្រវត្តិ)។',
    confirm: 'ផ្លាស់ប្តូរដដែល',
    cancel: 'បោះបង់',
  },
};

export const triageMessages = { en, ko, km };
