import { defineMessages } from '../../app/messages.ts';

export const messages = defineMessages({
  en: {
    unread_zero: 'No new hits or requests',
    unread_one: '{{count}} new hit or request',
    unread_other: '{{count}} new hits or requests',
    badge: 'Hits',
    toast: {
      'hit.raised': 'New hit on a {{kind}} — open Hits to see it.',
      'access-request.created': 'An agency asks for access to one of your records.',
      'access-request.decided': 'Your access request was answered: {{decision}}.',
    },
    dismiss: 'Dismiss',
    open: 'Open',
  },
  ko: {
    unread_zero: '새 히트나 요청이 없습니다',
    unread_one: '새 히트·요청 {{count}}건',
    unread_other: '새 히트·요청 {{count}}건',
    badge: '히트',
    toast: {
      'hit.raised': '{{kind}} 새 히트 — 히트 화면에서 확인하십시오.',
      'access-request.created': '다른 기관이 우리 기록의 열람을 요청했습니다.',
      'access-request.decided': '열람 요청에 대한 답변: {{decision}}.',
    },
    dismiss: '닫기',
    open: '열기',
  },
  km: {
    unread_zero: 'គ្មានការផ្គូផ្គង ឬសំណើថ្មី',
    unread_one: 'ការផ្គូផ្គង ឬសំណើថ្មី {{count}}',
    unread_other: 'ការផ្គូផ្គង ឬសំណើថ្មី {{count}}',
    badge: 'ការផ្គូផ្គង',
    toast: {
      'hit.raised': 'ការផ្គូផ្គងថ្មីលើ {{kind}} — បើកទំព័រការផ្គូផ្គងដើម្បីមើល។',
      'access-request.created': 'ស្ថាប័នមួយស្នើសុំសិទ្ធិមើលកំណត់ត្រារបស់អ្នក។',
      'access-request.decided': 'សំណើសិទ្ធិរបស់អ្នកបានឆ្លើយតប៖ {{decision}}។',
    },
    dismiss: 'បិទ',
    open: 'បើក',
  },
});
