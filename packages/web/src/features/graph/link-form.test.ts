import { describe, expect, it } from 'vitest';
import { linkBody, linkChoicesFrom } from './link-form.ts';

describe('linkChoicesFrom', () => {
  it('offers a bank account the transfer to another account or wallet, and same_as only to an account', () => {
    const choices = Object.fromEntries(linkChoicesFrom('bank_account').map((c) => [c.type, c.targets]));
    expect(choices.transferred_to).toEqual(['bank_account', 'crypto_wallet']);
    expect(choices.same_as).toEqual(['bank_account']);
    expect(choices.member_of).toBeUndefined();
  });

  it('offers a symmetric link from either end: an organisation may be the associate of a person', () => {
    const choices = Object.fromEntries(linkChoicesFrom('organisation').map((c) => [c.type, c.targets]));
    expect(choices.associate_of).toEqual(['person', 'organisation']);
    // member_of is directed from a person: it cannot be drawn from the organisation.
    expect(choices.member_of).toBeUndefined();
  });
});

describe('linkBody', () => {
  it('turns a transfer form into the API body: amount a number, time with offset, currency upper case', () => {
    const body = linkBody({
      type: 'transferred_to',
      sourceId: 'a',
      targetId: 'b',
      validFrom: '2026-03-01',
      validTo: '',
      properties: { amount: '1500000', currency: 'krw', at: '2026-03-01T10:30', reference: ' ' },
    });
    expect(body).toEqual({
      type: 'transferred_to',
      sourceId: 'a',
      targetId: 'b',
      validFrom: '2026-03-01',
      properties: { amount: 1_500_000, currency: 'KRW', at: new Date('2026-03-01T10:30').toISOString() },
    });
  });
});
