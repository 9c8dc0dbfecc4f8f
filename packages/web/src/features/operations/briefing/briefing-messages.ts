import { defineMessages } from '../../../app/messages.ts';

/**
 * The download button's words. Its own namespace (`operationBriefing`), added by `BriefingDownload` itself, so the
 * operation page that shows it has nothing to merge. The language names stay in their own script.
 */
export const briefingMessages = defineMessages({
  en: {
    title: 'Briefing pack (PDF)',
    hint: 'Opens the pack in a new tab. Each download is recorded in the audit log.',
    download: 'Briefing pack in {{language}}',
  },
  ko: {
    title: '브리핑 자료 (PDF)',
    hint: '새 탭에서 자료를 엽니다. 내려받을 때마다 감사 기록에 남습니다.',
    download: '{{language}} 브리핑 자료',
  },
  km: {
    title: 'ឯកសារសង្ខេបប្រតិបត្តិការ (PDF)',
    hint: 'បើកឯកសារក្នុងផ្ទាំងថ្មី។ ការទាញយកនីមួយៗត្រូវបានកត់ត្រាក្នុងកំណត់ហេតុសវនកម្ម។',
    download: 'ឯកសារសង្ខេបជាភាសា {{language}}',
  },
});

export const briefingNamespace = 'operationBriefing';

/** The languages a pack is made in, each named in its own script. */
export const packLanguages = [
  { code: 'en', name: 'English' },
  { code: 'ko', name: '한국어' },
  { code: 'km', name: 'ខ្មែរ' },
] as const;
