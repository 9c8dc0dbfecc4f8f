import { defineMessages } from '../../app/messages.ts';

export const messages = defineMessages({
  en: {
    title: 'Sign in to Liaison',
    subtitle: 'Korea–Cambodia joint task force',
    email: 'Email',
    password: 'Password',
    submit: 'Sign in',
    submitting: 'Signing in…',
    totp: 'Authenticator code or recovery code',
    totpHint: 'The 6-digit code from your authenticator app, or one of your recovery codes.',
    verify: 'Verify',
    otherAccount: 'Use another account',
    reportLink: 'Report a missing or confined person',
    errors: {
      invalidCredentials:
        'Wrong email or password. After several failed attempts an account is locked for a while, even with the right password: wait and try again.',
      invalidTotp: 'That code is not valid. Check the time on your phone, or use a recovery code.',
      rateLimited: 'Too many sign-in attempts from this computer. Wait {{seconds}} seconds and try again.',
      rateLimitedNoTime: 'Too many sign-in attempts from this computer. Wait a minute and try again.',
      disabled: 'This account is disabled. Ask your administrator.',
    },
    enrol: {
      title: 'Set up your authenticator app',
      intro:
        'Your role needs a second factor. Scan this code with an authenticator app on your phone, then enter the 6-digit code it shows.',
      qrAlt: 'QR code for your authenticator app',
      secret: 'Or type this key into the app',
      code: '6-digit code',
      confirm: 'Confirm',
      confirming: 'Checking…',
      starting: 'Preparing a new key…',
      codesTitle: 'Your recovery codes',
      codesIntro:
        'Each code signs you in once if you lose your phone. Store them somewhere safe, away from the phone: they are shown only now.',
      saved: 'I have saved them',
    },
  },
  ko: {
    title: 'Liaison 로그인',
    subtitle: '한국–캄보디아 합동 태스크포스',
    email: '이메일',
    password: '비밀번호',
    submit: '로그인',
    submitting: '로그인 중…',
    totp: '인증 코드 또는 복구 코드',
    totpHint: '인증 앱에 표시된 6자리 코드 또는 복구 코드 하나를 입력하세요.',
    verify: '확인',
    otherAccount: '다른 계정으로 로그인',
    reportLink: '실종·감금된 사람 신고하기',
    errors: {
      invalidCredentials:
        '이메일 또는 비밀번호가 틀렸습니다. 여러 번 실패하면 올바른 비밀번호로도 한동안 로그인할 수 없습니다. 잠시 후 다시 시도하세요.',
      invalidTotp: '코드가 올바르지 않습니다. 휴대폰의 시간을 확인하거나 복구 코드를 사용하세요.',
      rateLimited: '이 컴퓨터에서 로그인 시도가 너무 많습니다. {{seconds}}초 기다린 후 다시 시도하세요.',
      rateLimitedNoTime: '이 컴퓨터에서 로그인 시도가 너무 많습니다. 1분 후에 다시 시도하세요.',
      disabled: '비활성화된 계정입니다. 관리자에게 문의하세요.',
    },
    enrol: {
      title: '인증 앱 설정',
      intro:
        '이 역할에는 2단계 인증이 필요합니다. 휴대폰의 인증 앱으로 이 코드를 스캔한 다음 앱에 표시된 6자리 코드를 입력하세요.',
      qrAlt: '인증 앱용 QR 코드',
      secret: '또는 이 키를 앱에 직접 입력하세요',
      code: '6자리 코드',
      confirm: '확인',
      confirming: '확인 중…',
      starting: '새 키를 준비하는 중…',
      codesTitle: '복구 코드',
      codesIntro:
        '휴대폰을 잃어버렸을 때 코드 하나로 한 번 로그인할 수 있습니다. 휴대폰과 떨어진 안전한 곳에 보관하세요. 지금 한 번만 표시됩니다.',
      saved: '안전하게 보관했습니다',
    },
  },
  km: {
    title: 'ចូលប្រើ Liaison',
    subtitle: 'ក្រុមការងាររួមកូរ៉េ–កម្ពុជា',
    email: 'អ៊ីមែល',
    password: 'ពាក្យសម្ងាត់',
    submit: 'ចូល',
    submitting: 'កំពុងចូល…',
    totp: 'លេខកូដផ្ទៀងផ្ទាត់ ឬលេខកូដសង្គ្រោះ',
    totpHint: 'លេខកូដ ៦ខ្ទង់ពីកម្មវិធីផ្ទៀងផ្ទាត់របស់អ្នក ឬលេខកូដសង្គ្រោះមួយ។',
    verify: 'ផ្ទៀងផ្ទាត់',
    otherAccount: 'ប្រើគណនីផ្សេង',
    reportLink: 'រាយការណ៍អំពីមនុស្សបាត់ខ្លួន ឬត្រូវបានឃុំខ្លួន',
    errors: {
      invalidCredentials:
        'អ៊ីមែល ឬពាក្យសម្ងាត់មិនត្រឹមត្រូវ។ បន្ទាប់ពីព្យាយាមខុសច្រើនដង គណនីត្រូវបានចាក់សោមួយរយៈ ទោះបីជាពាក្យសម្ងាត់ត្រឹមត្រូវក៏ដោយ៖ សូមរង់ចាំ រួចព្យាយាមម្តងទៀត។',
      invalidTotp: 'លេខកូដនោះមិនត្រឹមត្រូវទេ។ សូមពិនិត្យម៉ោងលើទូរស័ព្ទរបស់អ្នក ឬប្រើលេខកូដសង្គ្រោះ។',
      rateLimited: 'មានការព្យាយាមចូលច្រើនពេកពីកុំព្យូទ័រនេះ។ សូមរង់ចាំ {{seconds}} វិនាទី រួចព្យាយាមម្តងទៀត។',
      rateLimitedNoTime: 'មានការព្យាយាមចូលច្រើនពេកពីកុំព្យូទ័រនេះ។ សូមរង់ចាំមួយនាទី រួចព្យាយាមម្តងទៀត។',
      disabled: 'គណនីនេះត្រូវបានបិទ។ សូមទាក់ទងអ្នកគ្រប់គ្រងរបស់អ្នក។',
    },
    enrol: {
      title: 'រៀបចំកម្មវិធីផ្ទៀងផ្ទាត់របស់អ្នក',
      intro:
        'តួនាទីរបស់អ្នកតម្រូវឱ្យមានការផ្ទៀងផ្ទាត់ជំហានទីពីរ។ សូមស្កេនកូដនេះដោយកម្មវិធីផ្ទៀងផ្ទាត់នៅលើទូរស័ព្ទរបស់អ្នក រួចបញ្ចូលលេខកូដ ៦ខ្ទង់ដែលវាបង្ហាញ។',
      qrAlt: 'កូដ QR សម្រាប់កម្មវិធីផ្ទៀងផ្ទាត់របស់អ្នក',
      secret: 'ឬវាយសោនេះចូលទៅក្នុងកម្មវិធី',
      code: 'លេខកូដ ៦ខ្ទង់',
      confirm: 'បញ្ជាក់',
      confirming: 'កំពុងពិនិត្យ…',
      starting: 'កំពុងរៀបចំសោថ្មី…',
      codesTitle: 'លេខកូដសង្គ្រោះរបស់អ្នក',
      codesIntro:
        'លេខកូដនីមួយៗអាចប្រើចូលបានម្តង ប្រសិនបើអ្នកបាត់ទូរស័ព្ទ។ សូមរក្សាទុកនៅកន្លែងសុវត្ថិភាព ឆ្ងាយពីទូរស័ព្ទ៖ វាបង្ហាញតែពេលនេះប៉ុណ្ណោះ។',
      saved: 'ខ្ញុំបានរក្សាទុកហើយ',
    },
  },
});
