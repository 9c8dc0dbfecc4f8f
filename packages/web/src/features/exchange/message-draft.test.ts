import { describe, expect, it } from 'vitest';
import { ICT, KST } from '../../app/time.ts';
import type { ExchangeItem } from './exchange-api.ts';
import { draftToInput, emptyDraft, replyDraft } from './message-draft.ts';

describe('message drafts', () => {
  it('sends questions one per line, leaves empty translations and options out', () => {
    const input = draftToInput(
      {
        ...emptyDraft('ko'),
        peer: 'cnp',
        subject: '전화번호 확인 요청',
        questions: 'Subscriber?\n\nLocation?',
        purpose: 'Voice-phishing ring',
        translations: {
          en: { subject: 'Phone number check', body: '' },
          ko: { subject: 'ignored: same as original', body: '' },
          km: { subject: '', body: '' },
        },
      },
      KST,
    );
    expect(input.questions).toEqual(['Subscriber?', 'Location?']);
    expect(input.translations).toEqual({ en: { subject: 'Phone number check' } });
    expect(input).not.toHaveProperty('deadline');
    expect(input).not.toHaveProperty('hitReference');
    expect(input.markings.legalBasis).toEqual({ kind: 'police_cooperation' });
  });
  it("sends a request's deadline as the moment it is in the viewer's zone", () => {
    const draft = { ...emptyDraft('en'), kind: 'request' as const, deadline: '2026-05-01T18:00' };
    expect(draftToInput(draft, ICT).deadline).toBe('2026-05-01T11:00:00.000Z');
    expect(draftToInput({ ...draft, kind: 'notification' }, ICT)).not.toHaveProperty('deadline');
  });
  it('names TLP:RED recipients as agency codes', () => {
    const input = draftToInput({ ...emptyDraft('en'), tlp: 'RED', namedRecipients: 'cnp, knpa' }, KST);
    expect(input.markings.namedRecipients).toEqual(['CNP', 'KNPA']);
  });
  it('starts a reply from the markings and purpose of the request, to its sender', () => {
    const original = {
      peer: 'knpa',
      subject: 'Phone number',
      priority: 'high',
      hitReference: 'HIT-1',
      markings: { handlingCode: 'H1', tlp: 'GREEN', legalBasis: { kind: 'interpol' }, purpose: 'Ring' },
    } as unknown as ExchangeItem;
    const draft = replyDraft(original, 'km');
    expect(draft).toMatchObject({
      peer: 'knpa',
      kind: 'reply',
      subject: 'Re: Phone number',
      handlingCode: 'H1',
      tlp: 'GREEN',
      legalBasis: 'interpol',
      purpose: 'Ring',
      hitReference: 'HIT-1',
    });
    expect(draftToInput(draft, KST, 'id-1').inReplyTo).toBe('id-1');
  });
});
