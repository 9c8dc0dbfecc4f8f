import type { AppContext } from '../context.ts';

/**
 * Hybrid logical clock stamps `<wall ms, 15 digits>.<counter, 6 digits>.<node name>`: string order is the
 * total order (time, counter, node name), the same on every node, so last-writer-wins picks the same winner.
 */
export interface HlcState {
  wall: number;
  n: number;
}

/** A node's clock at start (on `AppContext.hlc`): the first tick takes the wall time. */
export function newHlcState(): HlcState {
  return { wall: 0, n: 0 };
}

export function hlcTick(app: AppContext): string {
  const s = app.hlc;
  const now = app.now().getTime();
  if (now > s.wall) {
    s.wall = now;
    s.n = 0;
  } else s.n += 1;
  return `${String(s.wall).padStart(15, '0')}.${String(s.n).padStart(6, '0')}.${app.config.nodeName}`;
}

/** Moves the clock past a stamp received from a peer, so our next change orders after what we have seen. */
export function hlcObserve(app: AppContext, stamp: string): void {
  const [wall, n] = stamp.split('.').map(Number);
  if (!Number.isSafeInteger(wall) || !Number.isSafeInteger(n)) return;
  const s = app.hlc;
  if (wall! > s.wall || (wall === s.wall && n! > s.n)) {
    s.wall = wall!;
    s.n = n!;
  }
}
