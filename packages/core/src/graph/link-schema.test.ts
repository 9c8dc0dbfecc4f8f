import { describe, expect, it } from 'vitest';
import { assertLinkEndpoints, LinkInput, validateLinkInput } from './link-schema.ts';
import { linkEndpointProblem } from './link-types.ts';

const a = '0b9e6f1c-3c1e-4d3a-9a57-8d4c7f0a2b11';
const b = '5c0e2f8a-7d7b-4f0e-8a3e-2b1c9d4e6f70';
const transfer = {
  type: 'transferred_to',
  sourceId: a,
  targetId: b,
  properties: { amount: 12_000, currency: 'USD', at: '2025-09-02T11:30:00+07:00', asset: 'USDT' },
};

describe('link validation', () => {
  it('accepts a transfer with amount, ISO 4217 currency and time', () => {
    expect(LinkInput.safeParse(transfer).success).toBe(true);
  });

  it('rejects a currency that is not ISO 4217 and a missing amount', () => {
    const bad = { ...transfer, properties: { currency: 'usdt', at: transfer.properties.at } };
    expect(() => validateLinkInput(bad)).toThrow(
      expect.objectContaining({
        fields: [
          expect.objectContaining({ path: '/properties/amount' }),
          expect.objectContaining({ path: '/properties/currency' }),
        ],
      }),
    );
  });

  it('rejects a span that ends before it starts', () => {
    const span = {
      type: 'member_of',
      sourceId: a,
      targetId: b,
      properties: {},
      validFrom: '2025-06-01',
      validTo: '2025-01-01',
    };
    expect(() => validateLinkInput(span)).toThrow(
      expect.objectContaining({ fields: [expect.objectContaining({ path: '/validTo' })] }),
    );
  });

  it('rejects a link to a wrong entity type', () => {
    const memberOf = { type: 'member_of' as const, sourceId: a, targetId: b };
    expect(() => assertLinkEndpoints(memberOf, 'person', 'phone')).toThrow(
      expect.objectContaining({
        code: 'invalid-input',
        fields: [expect.objectContaining({ path: '/targetId' })],
      }),
    );
    expect(() => assertLinkEndpoints(memberOf, 'person', 'organisation')).not.toThrow();
    expect(linkEndpointProblem('transferred_to', 'bank_account', 'person')).toMatch(
      /not from bank_account to person/,
    );
  });

  it('accepts a symmetric link either way round but keeps directed ones directed', () => {
    expect(linkEndpointProblem('associate_of', 'organisation', 'person')).toBeNull();
    expect(linkEndpointProblem('member_of', 'organisation', 'person')).not.toBeNull();
  });

  it('joins only entities of one type with same_as, and never an entity to itself', () => {
    expect(linkEndpointProblem('same_as', 'person', 'person')).toBeNull();
    expect(linkEndpointProblem('same_as', 'person', 'phone')).toMatch(/same type/);
    expect(() =>
      assertLinkEndpoints({ type: 'same_as', sourceId: a, targetId: a }, 'person', 'person'),
    ).toThrow(/itself/);
  });
});
