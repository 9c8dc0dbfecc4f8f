import { describe, expect, it } from 'vitest';
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
  it('turns a local deadline into an ISO moment and ignores an empty one', () => {
    expect(deadlineToIso('')).toBeUndefined();
    expect(deadlineToIso('2026-05-01T10:00')).toMatch(/^2026-05-01T\d\d:00:00\.000Z$/);
  });
  it('keeps one question per non-empty line', () => {
    expect(lines(' Who?\n\n Where? \n')).toEqual(['Who?', 'Where?']);
  });
});
