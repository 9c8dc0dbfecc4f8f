import { type Tlp, tlpAtLeast, tlpLevels } from '../markings/markings.ts';
import type { PolicyInput } from './context.ts';
import { type FieldPath, type FieldValue, fieldType, readField, toDay } from './fields.ts';

/**
 * The condition language of rule files: plain data, no expressions, no code. A leaf names one field from
 * the catalogue in fields.ts and exactly one operator; an operand is a literal or another field `{ field }`.
 */
export interface FieldRef {
  field: FieldPath;
}
export type Literal = string | boolean;

export type LeafCondition =
  | { field: FieldPath; equals: Literal | FieldRef }
  | { field: FieldPath; notEquals: Literal | FieldRef }
  | { field: FieldPath; in: Literal[] | FieldRef }
  | { field: FieldPath; notIn: Literal[] | FieldRef }
  | { field: FieldPath; includes: Literal | FieldRef }
  | { field: FieldPath; includesAny: Literal[] }
  | { field: FieldPath; exists: boolean }
  | { field: FieldPath; tlpAtLeast: Tlp }
  | { field: FieldPath; before: string | FieldRef }
  | { field: FieldPath; after: string | FieldRef };

export type Condition = { all: Condition[] } | { any: Condition[] } | { not: Condition } | LeafCondition;

export const conditionOperators = [
  'equals',
  'notEquals',
  'in',
  'notIn',
  'includes',
  'includesAny',
  'exists',
  'tlpAtLeast',
  'before',
  'after',
] as const;
export type ConditionOperator = (typeof conditionOperators)[number];

export function isFieldRef(value: unknown): value is FieldRef {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && 'field' in value;
}

/** A field's value as conditions compare it: dates and date-times reduced to their UTC calendar day. */
function comparableValue(input: PolicyInput, path: FieldPath): FieldValue {
  const value = readField(input, path);
  return fieldType(path).kind === 'date' && typeof value === 'string' ? toDay(value) : value;
}

function resolve(operand: unknown, input: PolicyInput): FieldValue {
  if (isFieldRef(operand)) return comparableValue(input, operand.field);
  return operand as FieldValue;
}

function asList(value: FieldValue): readonly (string | boolean)[] {
  return Array.isArray(value) ? value : [];
}

function isPresent(value: FieldValue): boolean {
  if (value === undefined) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

function scalarEquals(a: FieldValue, b: FieldValue): boolean {
  return a !== undefined && b !== undefined && !Array.isArray(a) && a === b;
}

function memberOf(value: FieldValue, list: FieldValue): boolean {
  return value !== undefined && !Array.isArray(value) && asList(list).includes(value as string | boolean);
}

function evaluateLeaf(leaf: LeafCondition, input: PolicyInput): boolean {
  const value = comparableValue(input, leaf.field);
  if ('equals' in leaf) return scalarEquals(value, resolve(leaf.equals, input));
  if ('notEquals' in leaf) return !scalarEquals(value, resolve(leaf.notEquals, input));
  if ('in' in leaf) return memberOf(value, resolve(leaf.in, input));
  if ('notIn' in leaf) return !memberOf(value, resolve(leaf.notIn, input));
  if ('includes' in leaf) return memberOf(resolve(leaf.includes, input), value);
  if ('includesAny' in leaf) return leaf.includesAny.some((wanted) => asList(value).includes(wanted));
  if ('exists' in leaf) return isPresent(value) === leaf.exists;
  if ('tlpAtLeast' in leaf) {
    return typeof value === 'string' && (tlpLevels as readonly string[]).includes(value)
      ? tlpAtLeast(value as Tlp, leaf.tlpAtLeast)
      : false;
  }
  const before = 'before' in leaf;
  const other = resolve(before ? leaf.before : leaf.after, input);
  if (typeof value !== 'string' || typeof other !== 'string') return false;
  return before ? value < other : value > other;
}

/** Evaluates a validated condition. Missing values never match a positive test (fail closed). */
export function evaluateCondition(condition: Condition, input: PolicyInput): boolean {
  if ('all' in condition) return condition.all.every((part) => evaluateCondition(part, input));
  if ('any' in condition) return condition.any.some((part) => evaluateCondition(part, input));
  if ('not' in condition) return !evaluateCondition(condition.not, input);
  return evaluateLeaf(condition, input);
}

function describeOperand(operand: unknown): string {
  if (isFieldRef(operand)) return operand.field;
  if (Array.isArray(operand)) return `[${operand.map(describeOperand).join(', ')}]`;
  return typeof operand === 'string' ? `'${operand}'` : String(operand);
}

/** A one-line reading of a condition, for rule listings and review by legal officers. */
export function describeCondition(condition: Condition): string {
  if ('all' in condition) return `(${condition.all.map(describeCondition).join(' and ')})`;
  if ('any' in condition) return `(${condition.any.map(describeCondition).join(' or ')})`;
  if ('not' in condition) return `not ${describeCondition(condition.not)}`;
  const operator = conditionOperators.find((op) => op in condition) as ConditionOperator;
  const operand = (condition as Record<string, unknown>)[operator];
  return `${condition.field} ${operator} ${describeOperand(operand)}`;
}
