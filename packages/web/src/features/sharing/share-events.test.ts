import { describe, expect, it } from 'vitest';
import { isDeliveryOf } from './share-events.ts';

const caseId = '2f1c7d0e-8a51-4c1e-9a7e-0d6f3b2a1c00';

describe('isDeliveryOf', () => {
  it('picks the delivery events of this case and ignores other cases and malformed data', () => {
    expect(isDeliveryOf(caseId, JSON.stringify({ caseId, peer: 'cnp', state: 'delivered' }))).toBe(true);
    expect(
      isDeliveryOf(
        caseId,
        JSON.stringify({ caseId: '00000000-0000-4000-8000-000000000000', state: 'failed' }),
      ),
    ).toBe(false);
    expect(isDeliveryOf(caseId, 'not json')).toBe(false);
    expect(isDeliveryOf(caseId, 'null')).toBe(false);
  });
});
