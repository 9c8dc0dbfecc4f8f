import fs from 'node:fs';
import path from 'node:path';
import {
  evaluatePolicy,
  loadRuleSet,
  type PolicyDecision,
  type PolicyInput,
  type RuleSet,
} from '@liaison/core/policy/index';

/**
 * The rule files of every country (policies/<CC>/*.json), re-read when a file changes (checked by
 * modification time at most once a second), so a rule change takes effect without a code change or restart. A file
 * that fails validation is refused whole and the previous valid version of that file stays in force.
 */
interface CachedFile {
  mtimeMs: number;
  set: RuleSet;
}

const cache = new Map<string, CachedFile>();

function ruleFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && /^[A-Z]{2}$/.test(d.name))
    .flatMap((d) =>
      fs
        .readdirSync(path.join(dir, d.name))
        .filter((f) => f.endsWith('.json'))
        .map((f) => path.join(dir, d.name, f)),
    );
}

/** How long a look at the rule files stays good: a change takes effect within this time, without a restart. */
const recheckMs = 1_000;
const lastLook = new Map<string, { at: number; sets: RuleSet[] }>();

export function currentRuleSets(dir: string, onProblem: (message: string) => void = () => {}): RuleSet[] {
  const now = Date.now();
  const recent = lastLook.get(dir);
  if (recent && now - recent.at < recheckMs && now >= recent.at) return recent.sets;
  const sets = readRuleSets(dir, onProblem);
  lastLook.set(dir, { at: now, sets });
  return sets;
}

function readRuleSets(dir: string, onProblem: (message: string) => void): RuleSet[] {
  const sets: RuleSet[] = [];
  for (const file of ruleFiles(dir)) {
    const mtimeMs = fs.statSync(file).mtimeMs;
    const cached = cache.get(file);
    if (cached && cached.mtimeMs === mtimeMs) {
      sets.push(cached.set);
      continue;
    }
    try {
      const set = loadRuleSet(JSON.parse(fs.readFileSync(file, 'utf8')), file);
      cache.set(file, { mtimeMs, set });
      sets.push(set);
    } catch (error) {
      onProblem(`${file}: ${error instanceof Error ? error.message : String(error)}`);
      if (cached) sets.push(cached.set);
    }
  }
  return sets;
}

export function decide(
  dir: string,
  input: PolicyInput,
  onProblem?: (message: string) => void,
): PolicyDecision {
  return evaluatePolicy(currentRuleSets(dir, onProblem), input);
}
