// A seeded random source, so the generated labelled set is the same on every machine.
export interface Random {
  next(): number;
  int(below: number): number;
  chance(p: number): boolean;
  pick<T>(values: readonly T[]): T;
  /** A value drawn with probability proportional to its weight. */
  weighted<T>(values: readonly (readonly [T, number])[]): T;
}

export function seeded(seed: number): Random {
  let state = seed >>> 0;
  // mulberry32
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (below: number) => Math.floor(next() * below);
  return {
    next,
    int,
    chance: (p) => next() < p,
    pick: (values) => values[int(values.length)]!,
    weighted: (values) => {
      const total = values.reduce((sum, [, w]) => sum + w, 0);
      let at = next() * total;
      for (const [value, weight] of values) {
        at -= weight;
        if (at <= 0) return value;
      }
      return values[values.length - 1]![0];
    },
  };
}
