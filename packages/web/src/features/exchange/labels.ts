import { localInputToIso } from '../../app/time.ts';
import type { BadgeTone } from '../../ui/Badge.tsx';
import type { ExchangeItem } from './exchange-api.ts';

export const kindTone: Record<string, BadgeTone> = {
  request: 'info',
  reply: 'ok',
  spontaneous: 'neutral',
  notification: 'neutral',
  rescue_alert: 'danger',
};
export const priorityTone: Record<string, BadgeTone> = { normal: 'neutral', high: 'warn', urgent: 'danger' };
export const deliveryTone: Record<string, BadgeTone> = {
  queued: 'neutral',
  sent: 'info',
  delivered: 'ok',
  read: 'ok',
  failed: 'danger',
};
export const tlpTone: Record<string, BadgeTone> = {
  RED: 'danger',
  'AMBER+STRICT': 'warn',
  AMBER: 'warn',
  GREEN: 'ok',
  CLEAR: 'neutral',
};

/**
 * The one state word of an item, first on its line: for what we sent, its delivery (queued → delivered →
 * read → acknowledged by the partner, or failed); for what we received, whether anyone here has read or
 * acknowledged it. The partner's acknowledgement arrives as a receipt that sets `acknowledgedAt` on our
 * copy (the delivery state stays `read`), so it is looked at first.
 */
export function itemState(item: ExchangeItem): { key: string; tone: BadgeTone } {
  if (item.direction === 'out') {
    if (item.acknowledgedAt) return { key: 'delivery.acknowledged', tone: 'ok' };
    const state = item.deliveryState ?? 'queued';
    return { key: `delivery.${state}`, tone: deliveryTone[state] ?? 'neutral' };
  }
  if (item.acknowledgedAt) return { key: 'inbound.acknowledged', tone: 'ok' };
  if (item.readAt) return { key: 'inbound.read', tone: 'neutral' };
  return { key: 'inbound.unread', tone: 'info' };
}

/** Inbound requests still waiting for our reply are what "needs me now"; unread counts those not opened. */
export function unreadCount(items: ExchangeItem[]): number {
  return items.filter((i) => i.direction === 'in' && !i.readAt).length;
}

/**
 * `datetime-local` value → ISO instant, as the API wants; empty → undefined. The wall-clock time is read in
 * the viewer's chosen zone (KST, ICT or UTC, as everything else is shown), not the browser's: an officer in
 * Seoul whose laptop runs on another zone's clock still asks for 18:00 KST.
 */
export function deadlineToIso(local: string, timeZone: string): string | undefined {
  return localInputToIso(local, timeZone);
}

/** Non-empty trimmed lines of a text area: one question per line. */
export function lines(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
}
