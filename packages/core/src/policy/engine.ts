import { evaluateCondition } from './condition.ts';
import type { PolicyAction, PolicyInput } from './context.ts';
import { toDay } from './fields.ts';
import { selectEffectiveRuleSet } from './load.ts';
import { describeObligationSpec, type Obligation, resolveObligations } from './obligations.ts';
import type { LocalizedText, ObligationSpec, Rule, RuleEffect, RuleSet } from './schema.ts';

export type RuleDirection = Rule['direction'];
export type DecisionOutcome = 'denied' | 'satisfied' | 'obligation' | 'not_applicable';

/** One rule's verdict on one input: the unit of explanation and of the audit trail. */
export interface RuleDecision {
  ruleId: string;
  ruleSetVersion: string;
  country: string;
  direction: RuleDirection;
  effect: RuleEffect;
  outcome: DecisionOutcome;
  explanation: string;
  /** The rule's reason with its translations, for showing in the user's language. */
  reason?: LocalizedText;
  legalReference?: string;
}

export interface PolicyDecision {
  allowed: boolean;
  decisions: RuleDecision[];
  /** Empty when the action is denied: nothing happens, so nothing is owed. */
  obligations: Obligation[];
  explanation: string;
  /** The rule sets consulted, e.g. `KR 2026-11-26.1 outbound`. */
  ruleSets: { country: string; version: string; direction: RuleDirection }[];
}

/** Sending, forwarding or querying moves data out of the sender's hands: its country's outbound rules. */
const outboundActions: ReadonlySet<PolicyAction> = new Set(['send', 'forward', 'hit_query']);
/** Holding and re-using received data: the holder's inbound rules, with the originator's markings. */
const inboundActions: ReadonlySet<PolicyAction> = new Set(['receive', 'forward', 'export', 'report']);

/** Which country's rules of which direction govern this action. */
export function policyScopes(input: PolicyInput): { country: string; direction: RuleDirection }[] {
  const scopes: { country: string; direction: RuleDirection }[] = [];
  if (outboundActions.has(input.action))
    scopes.push({ country: input.sender.country, direction: 'outbound' });
  if (inboundActions.has(input.action)) {
    const holder = input.action === 'receive' ? input.recipient : input.sender;
    scopes.push({ country: holder.country, direction: 'inbound' });
  }
  return scopes;
}

function cite(rule: Rule): string {
  return `${rule.reason.en} (${rule.legalReference})`;
}

function decide(rule: Rule, set: RuleSet, input: PolicyInput): RuleDecision {
  const base = {
    ruleId: rule.id,
    ruleSetVersion: set.version,
    country: set.country,
    direction: rule.direction,
    effect: rule.effect,
    reason: rule.reason,
    legalReference: rule.legalReference,
  };
  if (!evaluateCondition(rule.when, input)) {
    return { ...base, outcome: 'not_applicable', explanation: `${rule.id} does not apply` };
  }
  switch (rule.effect) {
    case 'deny':
      return { ...base, outcome: 'denied', explanation: `blocked by ${rule.id}: ${cite(rule)}` };
    case 'require':
      return evaluateCondition(rule.require, input)
        ? { ...base, outcome: 'satisfied', explanation: `${rule.id} satisfied: ${rule.title}` }
        : { ...base, outcome: 'denied', explanation: `blocked by ${rule.id}: ${cite(rule)}` };
    case 'obligation': {
      const owed = rule.obligations.map(describeObligationSpec).join('; ');
      return {
        ...base,
        outcome: 'obligation',
        explanation: `${rule.id} applies: ${owed} (${rule.legalReference})`,
      };
    }
  }
}

function missingRuleSet(country: string, direction: RuleDirection, input: PolicyInput): RuleDecision {
  return {
    ruleId: `${country}-${direction === 'outbound' ? 'OUT' : 'IN'}-NONE`,
    ruleSetVersion: 'none',
    country,
    direction,
    effect: 'deny',
    outcome: 'denied',
    explanation: `blocked: no ${direction} rule set of ${country} is in force on ${toDay(input.now) ?? input.now}`,
  };
}

/**
 * Decides whether an action on a shared item is allowed, and with which obligations. Pure and
 * deterministic: the caller loads the rule sets (all versions may be passed; the one in force at
 * `input.now` is chosen per country) and records the decision in the audit log. Any denial wins; a country
 * without a rule set in force fails closed.
 */
export function evaluatePolicy(ruleSets: readonly RuleSet[], input: PolicyInput): PolicyDecision {
  const decisions: RuleDecision[] = [];
  const consulted: PolicyDecision['ruleSets'] = [];
  const applied: { ruleId: string; specs: readonly ObligationSpec[] }[] = [];
  for (const { country, direction } of policyScopes(input)) {
    const set = selectEffectiveRuleSet(ruleSets, country, input.now);
    if (!set) {
      decisions.push(missingRuleSet(country, direction, input));
      continue;
    }
    consulted.push({ country, version: set.version, direction });
    for (const rule of set.rules) {
      if (rule.direction !== direction) continue;
      const decision = decide(rule, set, input);
      decisions.push(decision);
      if (rule.effect === 'obligation' && decision.outcome === 'obligation') {
        applied.push({ ruleId: rule.id, specs: rule.obligations });
      }
    }
  }
  const denials = decisions.filter((d) => d.outcome === 'denied');
  if (denials.length > 0) {
    return {
      allowed: false,
      decisions,
      obligations: [],
      explanation: denials.map((d) => d.explanation).join('; '),
      ruleSets: consulted,
    };
  }
  const owed = decisions.filter((d) => d.outcome === 'obligation').map((d) => d.explanation);
  const under = consulted.map((s) => `${s.country} ${s.version} (${s.direction})`).join(', ');
  return {
    allowed: true,
    decisions,
    obligations: resolveObligations(applied, input),
    explanation: [`allowed under ${under || 'no rules'}`, ...owed].join('; '),
    ruleSets: consulted,
  };
}

/** The compact record of a decision for the audit log's `details`. */
export function policyAuditDetails(input: PolicyInput, decision: PolicyDecision) {
  const ids = (outcome: DecisionOutcome) =>
    decision.decisions.filter((d) => d.outcome === outcome).map((d) => d.ruleId);
  return {
    action: input.action,
    sender: input.sender,
    recipient: input.recipient,
    allowed: decision.allowed,
    ruleSets: decision.ruleSets,
    denied: ids('denied'),
    satisfied: ids('satisfied'),
    obligations: ids('obligation'),
    explanation: decision.explanation,
  };
}
