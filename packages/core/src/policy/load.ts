import type { z } from 'zod';
import { LiaisonError } from '../errors/catalogue.ts';
import { describeCondition } from './condition.ts';
import { toDay } from './fields.ts';
import { describeObligationSpec } from './obligations.ts';
import { type Rule, RuleSet } from './schema.ts';

export interface RuleSetProblem {
  /** JSON pointer inside the file, e.g. `/rules/2/when/all/0/matches`. */
  path: string;
  /** The id of the rule the problem sits in, when the file names one. */
  ruleId?: string;
  message: string;
}

function pointer(path: readonly PropertyKey[]): string {
  return path.map((part) => `/${String(part).replaceAll('~', '~0').replaceAll('/', '~1')}`).join('') || '/';
}

function ruleIdAt(json: unknown, path: readonly PropertyKey[]): string | undefined {
  if (path[0] !== 'rules' || typeof path[1] !== 'number') return undefined;
  const rules = (json as { rules?: unknown }).rules;
  const rule = Array.isArray(rules) ? (rules[path[1]] as { id?: unknown } | undefined) : undefined;
  return typeof rule?.id === 'string' ? rule.id : undefined;
}

function toProblem(json: unknown, issue: z.core.$ZodIssue): RuleSetProblem {
  const keys = issue.code === 'unrecognized_keys' ? issue.keys : [];
  const path = keys.length === 1 ? [...issue.path, keys[0] as string] : issue.path;
  const message = keys.length > 0 ? `unknown key ${keys.map((k) => `"${k}"`).join(', ')}` : issue.message;
  const ruleId = ruleIdAt(json, issue.path);
  return ruleId ? { path: pointer(path), ruleId, message } : { path: pointer(path), message };
}

/** The country folder a file sits in (`policies/KR/2026-11-26.json` → KR), if its name shows one. */
function folderCountry(sourceName: string): string | undefined {
  return /(?:^|[\\/])([A-Z]{2})[\\/][^\\/]+$/.exec(sourceName)?.[1];
}

function fail(sourceName: string, problems: RuleSetProblem[]): never {
  const lines = problems.map((p) => `${p.ruleId ? `rule ${p.ruleId} at ` : ''}${p.path}: ${p.message}`);
  throw new LiaisonError('invalid-input', `${sourceName} is not a valid rule set: ${lines.join('; ')}`, {
    fields: problems.map(({ path, message }) => ({ path, message })),
    extra: { sourceName, problems },
  });
}

/**
 * Validates parsed rule-file content strictly. Throws a LiaisonError ('invalid-input') naming the file, the
 * rule and the JSON path of every problem, so a bad file is refused whole and the previous version stays.
 */
export function loadRuleSet(json: unknown, sourceName: string): RuleSet {
  const parsed = RuleSet.safeParse(json);
  if (!parsed.success)
    fail(
      sourceName,
      parsed.error.issues.map((issue) => toProblem(json, issue)),
    );
  const folder = folderCountry(sourceName);
  if (folder && folder !== parsed.data.country) {
    fail(sourceName, [
      { path: '/country', message: `the file sits in ${folder} but says ${parsed.data.country}` },
    ]);
  }
  // A copy, so later changes to the parsed file cannot alter rules in force.
  return structuredClone(parsed.data);
}

function versionOrder(a: RuleSet, b: RuleSet): number {
  if (a.effectiveFrom !== b.effectiveFrom) return a.effectiveFrom < b.effectiveFrom ? -1 : 1;
  const [dayA = '', seqA = '0'] = a.version.split('.');
  const [dayB = '', seqB = '0'] = b.version.split('.');
  if (dayA !== dayB) return dayA < dayB ? -1 : 1;
  return Number(seqA) - Number(seqB);
}

/** The rule set of `country` in force at `at`: the latest effectiveFrom on or before that day (UTC). */
export function selectEffectiveRuleSet(
  sets: readonly RuleSet[],
  country: string,
  at: string,
): RuleSet | undefined {
  const day = toDay(at);
  if (day === undefined) return undefined;
  let best: RuleSet | undefined;
  for (const set of sets) {
    if (set.country !== country || set.effectiveFrom > day) continue;
    if (!best || versionOrder(set, best) > 0) best = set;
  }
  return best;
}

export function describeRule(rule: Rule): string {
  const lines = [
    `${rule.id} [${rule.direction}, ${rule.effect}] ${rule.title}`,
    `  when ${describeCondition(rule.when)}`,
  ];
  if (rule.effect === 'require') lines.push(`  require ${describeCondition(rule.require)}`);
  if (rule.effect === 'obligation')
    lines.push(`  then ${rule.obligations.map(describeObligationSpec).join('; ')}`);
  lines.push(`  because ${rule.reason.en} (${rule.legalReference})`);
  return lines.join('\n');
}

/** A plain-text listing of a rule set, for administrators and legal review. */
export function describeRuleSet(set: RuleSet): string {
  const head = `${set.country} rule set ${set.version}, in force from ${set.effectiveFrom}, ${set.rules.length} rules`;
  return [head, ...(set.notice ? [set.notice] : []), ...set.rules.map(describeRule)].join('\n');
}
