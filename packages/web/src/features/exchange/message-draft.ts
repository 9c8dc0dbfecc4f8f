import type { ExchangeItem, ExchangeItemInput, ItemLanguage } from './exchange-api.ts';
import { deadlineToIso, lines } from './labels.ts';

/** Everything the compose and reply forms keep as a draft (strings, as the controls hold them). */
export interface MessageDraft {
  peer: string;
  kind: NonNullable<ExchangeItemInput['kind']>;
  priority: NonNullable<ExchangeItemInput['priority']>;
  deadline: string;
  subject: string;
  body: string;
  language: ItemLanguage;
  questions: string;
  identifiers: { kind: string; value: string }[];
  categories: NonNullable<ExchangeItemInput['categories']>;
  consentRecorded: boolean;
  ongoingOperation: boolean;
  hitReference: string;
  handlingCode: string;
  handlingNote: string;
  tlp: string;
  legalBasis: string;
  legalReference: string;
  purpose: string;
  retainUntil: string;
  sourceReliability: string;
  informationAccuracy: string;
  namedRecipients: string;
  translations: Record<ItemLanguage, { subject: string; body: string }>;
}

export function emptyDraft(language: ItemLanguage): MessageDraft {
  return {
    peer: '',
    kind: 'request',
    priority: 'normal',
    deadline: '',
    subject: '',
    body: '',
    language,
    questions: '',
    identifiers: [],
    categories: [],
    consentRecorded: false,
    ongoingOperation: false,
    hitReference: '',
    handlingCode: 'H2',
    handlingNote: '',
    tlp: 'AMBER',
    legalBasis: 'police_cooperation',
    legalReference: '',
    purpose: '',
    retainUntil: '',
    sourceReliability: 'X',
    informationAccuracy: '4',
    namedRecipients: '',
    translations: {
      en: { subject: '', body: '' },
      ko: { subject: '', body: '' },
      km: { subject: '', body: '' },
    },
  };
}

/** A reply starts from the markings and purpose of the message it answers, to the node it came from. */
export function replyDraft(original: ExchangeItem, language: ItemLanguage): MessageDraft {
  const m = original.markings;
  return {
    ...emptyDraft(language),
    peer: original.peer,
    kind: 'reply',
    priority: (original.priority as MessageDraft['priority']) ?? 'normal',
    subject: original.subject.startsWith('Re: ') ? original.subject : `Re: ${original.subject}`,
    handlingCode: m.handlingCode ?? 'H2',
    tlp: m.tlp ?? 'AMBER',
    legalBasis: m.legalBasis?.kind ?? 'police_cooperation',
    legalReference: m.legalBasis?.reference ?? '',
    purpose: m.purpose ?? '',
    hitReference: original.hitReference ?? '',
  };
}

/**
 * The API's input from a draft; empty optional fields are left out rather than sent empty. The deadline's
 * wall-clock time is read in `timeZone`, the viewer's chosen zone.
 */
export function draftToInput(draft: MessageDraft, timeZone: string, inReplyTo?: string): ExchangeItemInput {
  const translations: ExchangeItemInput['translations'] = {};
  for (const [language, text] of Object.entries(draft.translations) as [
    ItemLanguage,
    { subject: string; body: string },
  ][]) {
    if (language === draft.language || (!text.subject.trim() && !text.body.trim())) continue;
    translations[language] = {
      ...(text.subject.trim() && { subject: text.subject.trim() }),
      ...(text.body.trim() && { body: text.body }),
    };
  }
  const deadline = deadlineToIso(draft.deadline, timeZone);
  const recipients = draft.namedRecipients
    .split(/[\s,]+/)
    .map((r) => r.trim().toUpperCase())
    .filter(Boolean);
  return {
    peer: draft.peer,
    kind: draft.kind,
    ...(inReplyTo && { inReplyTo }),
    subject: draft.subject,
    body: draft.body,
    language: draft.language,
    priority: draft.priority,
    ...(deadline && draft.kind === 'request' && { deadline }),
    questions: draft.kind === 'request' ? lines(draft.questions) : [],
    translations,
    identifiers: draft.identifiers.filter((i) => i.value.trim()),
    categories: draft.categories,
    ...(draft.consentRecorded && { consentRecorded: true }),
    ...(draft.ongoingOperation && { ongoingOperation: true }),
    ...(draft.hitReference.trim() && { hitReference: draft.hitReference.trim() }),
    markings: {
      handlingCode: draft.handlingCode as ExchangeItemInput['markings']['handlingCode'],
      ...(draft.handlingNote.trim() && { handlingNote: draft.handlingNote.trim() }),
      tlp: draft.tlp as ExchangeItemInput['markings']['tlp'],
      legalBasis: {
        kind: draft.legalBasis as ExchangeItemInput['markings']['legalBasis']['kind'],
        ...(draft.legalReference.trim() && { reference: draft.legalReference.trim() }),
      },
      purpose: draft.purpose,
      ...(draft.retainUntil && { retainUntil: draft.retainUntil }),
      sourceReliability: draft.sourceReliability,
      informationAccuracy: draft.informationAccuracy,
      ...(recipients.length > 0 && { namedRecipients: recipients }),
    } as ExchangeItemInput['markings'],
  };
}
