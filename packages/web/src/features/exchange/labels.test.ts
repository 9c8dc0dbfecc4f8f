import { describe, expect, it } from 'vitest';
import { ICT, KST } from '../../app/time.ts';
import type { ExchangeItem } from './exchange-api.ts';
import { deadlineToIso, itemState, lines, unreadCount } from './labels.ts';

const base = {
  direction: 'out',
  deliveryState: 'queued',
  readAt: null,
  acknowledgedAt: null,
} as ExchangeItem;

describe('exchange labels', () => {
  it('shows the delivery state of a sent item and the read state of a received one', () => {
    expect(itemState({ ...base, deliveryState: 'failed' }).key).toBe('delivery.failed');
    expect(itemState({ ...base, deliveryState: null }).key).toBe('delivery.queued');
    expect(itemState({ ...base, deliveryState: 'read', readAt: 'x' }).key).toBe('delivery.read');
    expect(itemState({ ...base, direction: 'in' }).key).toBe('inbound.unread');
    expect(itemState({ ...base, direction: 'in', readAt: 'x' }).key).toBe('inbound.read');
    expect(itemState({ ...base, direction: 'in', readAt: 'x', acknowledgedAt: 'y' }).key).toBe(
      'inbound.acknowledged',
    );
  });
  it('counts only received items nobody has opened as unread', () => {
    expect(unreadCount([base, { ...base, direction: 'in' }, { ...base, direction: 'in', readAt: 'x' }])).toBe(
      1,
    );
  });
  it("shows on the sender that the partner acknowledged what we sent (the receipt's acknowledgedAt)", () => {
    const acknowledged = { ...base, deliveryState: 'read', readAt: 'x', acknowledgedAt: 'y' };
    expect(itemState(acknowledged)).toEqual({ key: 'delivery.acknowledged', tone: 'ok' });
  });
  it("reads a deadline's wall-clock time in the viewer's chosen zone, not the browser's", () => {
    // One typed 18:00 is two moments: 18:00 KST for a viewer in Seoul, 18:00 ICT for one in Phnom Penh.
    expect(deadlineToIso('2026-05-01T18:00', KST)).toBe('2026-05-01T09:00:00.000Z');
    expect(deadlineToIso('2026-05-01T18:00', ICT)).toBe('2026-05-01T11:00:00.000Z');
    expect(deadlineToIso('2026-05-01T00:30', KST)).toBe('2026-04-30T15:30:00.000Z');
    expect(deadlineToIso('', KST)).toBeUndefined();
  });
  it('keeps one question per non-empty line', () => {
    expect(lines(' Who?\n\n Where? \n')).toEqual(['Who?', 'Where?']);
  });
});
