import { describe, expect, it } from 'vitest';
import { LiaisonError } from '../errors/catalogue.ts';
import {
  assertRescueTransition,
  nextRescueStates,
  type RescueState,
  rescueStateLabels,
  rescueStates,
} from './states.ts';

const allowed: [RescueState, RescueState][] = [
  ['reported', 'verifying'],
  ['verifying', 'located'],
  ['located', 'rescue_requested'],
  ['rescue_requested', 'rescue_planned'],
  ['rescue_planned', 'rescued'],
  ['rescued', 'in_protection'],
  ['in_protection', 'repatriated'],
  ['repatriated', 'closed'],
  ['resolved_safe', 'closed'],
  ['not_found', 'closed'],
  ['declined_help', 'closed'],
];

const rejected: [RescueState, RescueState][] = [
  ['rescued', 'reported'],
  ['reported', 'located'],
  ['reported', 'rescued'],
  ['verifying', 'rescue_requested'],
  ['rescued', 'not_found'],
  ['in_protection', 'declined_help'],
  ['repatriated', 'in_protection'],
  ['closed', 'reported'],
  ['resolved_safe', 'rescued'],
  ['not_found', 'verifying'],
];

const needReason: [RescueState, RescueState][] = [
  ['reported', 'resolved_safe'],
  ['verifying', 'not_found'],
  ['rescue_planned', 'declined_help'],
  ['located', 'verifying'],
  ['rescue_planned', 'verifying'],
];

describe('rescue transitions', () => {
  it.each(allowed)('allows %s → %s', (from, to) => {
    expect(assertRescueTransition(from, to).to).toBe(to);
  });

  it.each(rejected)('rejects %s → %s', (from, to) => {
    expect(() => assertRescueTransition(from, to, { reason: 'because' })).toThrowError(LiaisonError);
    try {
      assertRescueTransition(from, to, { reason: 'because' });
    } catch (e) {
      expect((e as LiaisonError).code).toBe('invalid-transition');
      expect((e as LiaisonError).message).toContain(`from ${from} to ${to}`);
    }
  });

  it.each(needReason)('requires a reason for %s → %s', (from, to) => {
    expect(() => assertRescueTransition(from, to)).toThrowError(/needs a reason/);
    expect(() => assertRescueTransition(from, to, { reason: '   ' })).toThrowError(/needs a reason/);
    expect(
      assertRescueTransition(from, to, { reason: 'Family heard from him: he is home' }).reasonRequired,
    ).toBe(true);
  });

  it('offers every side outcome from the early and middle states only', () => {
    expect(nextRescueStates('verifying')).toEqual(
      expect.arrayContaining(['located', 'resolved_safe', 'not_found', 'declined_help']),
    );
    expect(nextRescueStates('rescued')).toEqual(['in_protection']);
    expect(nextRescueStates('closed')).toEqual([]);
  });

  it('names the allowed next states when rejecting', () => {
    expect(() => assertRescueTransition('rescued', 'reported')).toThrowError(/allowed next: in_protection/);
  });

  it('labels every state in English, Korean and Khmer', () => {
    for (const state of rescueStates) {
      const label = rescueStateLabels[state];
      expect(label.en && label.ko && label.km).toBeTruthy();
    }
  });
});
