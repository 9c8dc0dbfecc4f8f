import { canonicalJson } from '../audit/chain.ts';
import type { PolicyInput } from './context.ts';
import { readField, toDay } from './fields.ts';
import type { LocalizedText, ObligationSpec } from './schema.ts';

/** An obligation resolved for one decision: concrete texts and dates, and the rules that imposed it. */
export type Obligation =
  | { kind: 'mark'; text: LocalizedText; ruleIds: string[] }
  | { kind: 'notice'; text: LocalizedText; ruleIds: string[] }
  | { kind: 'no_forward'; ruleIds: string[] }
  | { kind: 'no_export'; ruleIds: string[] }
  | { kind: 'retain_until'; until: string; disposal: 'purge' | 'anonymise'; ruleIds: string[] };

type Resolved = Obligation extends infer O ? (O extends Obligation ? Omit<O, 'ruleIds'> : never) : never;

const dayMs = 86_400_000;

function addDays(day: string, count: number): string {
  return new Date(Date.parse(day) + count * dayMs).toISOString().slice(0, 10);
}

function resolveRetention(spec: Extract<ObligationSpec, { kind: 'retain_until' }>, input: PolicyInput) {
  const today = toDay(input.now);
  if (today === undefined) return undefined;
  const marked = spec.from ? readField(input, spec.from) : undefined;
  let until = typeof marked === 'string' ? toDay(marked) : undefined;
  if (until === undefined && spec.defaultDays !== undefined) until = addDays(today, spec.defaultDays);
  if (until === undefined) return undefined;
  if (spec.maxDays !== undefined) {
    const latest = addDays(today, spec.maxDays);
    if (until > latest) until = latest;
  }
  return { kind: 'retain_until', until, disposal: spec.disposal } as const;
}

function resolveOne(spec: ObligationSpec, input: PolicyInput): Resolved | undefined {
  switch (spec.kind) {
    case 'notice': {
      const value = spec.from ? readField(input, spec.from) : undefined;
      if (typeof value === 'string' && value.trim() !== '')
        return { kind: 'notice', text: { en: value.trim() } };
      return spec.text ? { kind: 'notice', text: spec.text } : undefined;
    }
    case 'retain_until':
      return resolveRetention(spec, input);
    default:
      return spec;
  }
}

/** Resolves the obligations of the rules that applied, merging identical ones and keeping rule order. */
export function resolveObligations(
  applied: readonly { ruleId: string; specs: readonly ObligationSpec[] }[],
  input: PolicyInput,
): Obligation[] {
  const merged = new Map<string, Obligation>();
  for (const { ruleId, specs } of applied) {
    for (const spec of specs) {
      const resolved = resolveOne(spec, input);
      if (!resolved) continue;
      const key = canonicalJson(resolved);
      const existing = merged.get(key);
      if (existing && !existing.ruleIds.includes(ruleId)) existing.ruleIds.push(ruleId);
      if (!existing) merged.set(key, { ...resolved, ruleIds: [ruleId] } as Obligation);
    }
  }
  return [...merged.values()];
}

export function describeObligationSpec(spec: ObligationSpec): string {
  switch (spec.kind) {
    case 'mark':
      return `mark "${spec.text.en}"`;
    case 'notice':
      return spec.from ? `show the ${spec.from}` : `show "${spec.text?.en}"`;
    case 'no_forward':
      return 'no forwarding';
    case 'no_export':
      return 'no export';
    case 'retain_until': {
      const until = [
        spec.from,
        spec.defaultDays && `else ${spec.defaultDays} days`,
        spec.maxDays && `at most ${spec.maxDays} days`,
      ];
      return `keep until ${until.filter(Boolean).join(', ')}, then ${spec.disposal}`;
    }
  }
}
