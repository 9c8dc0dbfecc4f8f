import { tlpLevels } from '../markings/markings.ts';
import { conditionOperators } from './condition.ts';
import { type FieldPath, type FieldType, fieldPaths, fieldType, isFieldPath } from './fields.ts';

/** A problem in a rule file, with the path inside the file where it sits. */
export interface ConditionProblem {
  path: (string | number)[];
  message: string;
}

type Path = (string | number)[];
type ScalarType = Exclude<FieldType, { kind: 'list' }>;

const maxDepth = 12;
const datePattern = /^\d{4}-\d{2}-\d{2}$/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function typeName(type: FieldType): string {
  return type.kind === 'list' ? `list of ${type.of.kind}` : type.kind;
}

function compatible(a: ScalarType, b: ScalarType): boolean {
  const textual = (t: ScalarType) => t.kind === 'string' || t.kind === 'enum';
  return (textual(a) && textual(b)) || a.kind === b.kind;
}

function literalProblem(value: unknown, type: ScalarType, field: string): string | undefined {
  switch (type.kind) {
    case 'string':
      return typeof value === 'string' ? undefined : `expected a string for ${field}`;
    case 'boolean':
      return typeof value === 'boolean' ? undefined : `expected true or false for ${field}`;
    case 'date':
      return typeof value === 'string' && datePattern.test(value) && !Number.isNaN(Date.parse(value))
        ? undefined
        : `expected a date (YYYY-MM-DD) for ${field}`;
    case 'enum':
      return typeof value === 'string' && type.values.includes(value)
        ? undefined
        : `${JSON.stringify(value)} is not a value of ${field} (expected one of ${type.values.join(', ')})`;
  }
}

/** Checks `{ field }` and returns the referenced field's type, or reports why it is not a reference. */
function checkRef(value: unknown, path: Path, out: ConditionProblem[]): FieldType | undefined {
  if (!isRecord(value)) return undefined;
  const extra = Object.keys(value).filter((key) => key !== 'field');
  if (extra.length > 0) out.push({ path, message: `a field reference has only "field", not "${extra[0]}"` });
  if (!isFieldPath(value.field)) {
    out.push({ path: [...path, 'field'], message: unknownField(value.field) });
    return undefined;
  }
  return fieldType(value.field);
}

function unknownField(value: unknown): string {
  return `unknown field ${JSON.stringify(value)} (known fields: ${fieldPaths.join(', ')})`;
}

function checkScalarOperand(
  operand: unknown,
  type: ScalarType,
  field: string,
  path: Path,
  out: ConditionProblem[],
) {
  if (isRecord(operand)) {
    const refType = checkRef(operand, path, out);
    if (refType && (refType.kind === 'list' || !compatible(type, refType))) {
      out.push({ path, message: `cannot compare ${field} (${type.kind}) with a ${typeName(refType)}` });
    }
    return;
  }
  const problem = literalProblem(operand, type, field);
  if (problem) out.push({ path, message: problem });
}

function checkLiteralList(
  operand: unknown,
  type: ScalarType,
  field: string,
  path: Path,
  out: ConditionProblem[],
) {
  if (!Array.isArray(operand) || operand.length === 0) {
    out.push({ path, message: 'expected a non-empty list of values' });
    return;
  }
  operand.forEach((value, index) => {
    const problem = literalProblem(value, type, field);
    if (problem) out.push({ path: [...path, index], message: problem });
  });
}

function checkOperator(
  operator: string,
  field: FieldPath,
  operand: unknown,
  path: Path,
  out: ConditionProblem[],
) {
  const type = fieldType(field);
  const needs = (kind: string, ok: boolean) => {
    if (!ok)
      out.push({ path, message: `"${operator}" needs a ${kind} field; ${field} is a ${typeName(type)}` });
    return ok;
  };
  switch (operator) {
    case 'equals':
    case 'notEquals':
      if (needs('single-valued', type.kind !== 'list'))
        checkScalarOperand(operand, type as ScalarType, field, path, out);
      return;
    case 'in':
    case 'notIn': {
      if (!needs('single-valued', type.kind !== 'list')) return;
      if (!isRecord(operand)) return checkLiteralList(operand, type as ScalarType, field, path, out);
      const refType = checkRef(operand, path, out);
      if (refType && (refType.kind !== 'list' || !compatible(type as ScalarType, refType.of))) {
        out.push({ path, message: `"${operator}" needs a list field to compare ${field} with` });
      }
      return;
    }
    case 'includes':
      if (type.kind === 'list') checkScalarOperand(operand, type.of, field, path, out);
      else needs('list', false);
      return;
    case 'includesAny':
      if (type.kind === 'list') checkLiteralList(operand, type.of, field, path, out);
      else needs('list', false);
      return;
    case 'exists':
      if (typeof operand !== 'boolean') out.push({ path, message: '"exists" takes true or false' });
      return;
    case 'tlpAtLeast':
      if (!needs('TLP', field === 'markings.tlp')) return;
      checkScalarOperand(operand, { kind: 'enum', values: tlpLevels }, field, path, out);
      return;
    case 'before':
    case 'after':
      if (needs('date', type.kind === 'date'))
        checkScalarOperand(operand, { kind: 'date' }, field, path, out);
      return;
  }
}

function checkLeaf(node: Record<string, unknown>, path: Path, out: ConditionProblem[]) {
  if (!isFieldPath(node.field)) out.push({ path: [...path, 'field'], message: unknownField(node.field) });
  const keys = Object.keys(node).filter((key) => key !== 'field');
  const unknown = keys.filter((key) => !(conditionOperators as readonly string[]).includes(key));
  for (const key of unknown) {
    const expected = conditionOperators.join(', ');
    out.push({ path: [...path, key], message: `unknown operator "${key}" (expected one of ${expected})` });
  }
  const operators = keys.filter((key) => !unknown.includes(key));
  if (unknown.length === 0 && operators.length !== 1) {
    out.push({ path, message: `a field condition takes exactly one operator, found ${operators.length}` });
  }
  if (isFieldPath(node.field) && operators.length === 1) {
    const operator = operators[0] as string;
    checkOperator(operator, node.field, node[operator], [...path, operator], out);
  }
}

function checkNode(node: unknown, path: Path, depth: number, out: ConditionProblem[]) {
  if (depth > maxDepth) return void out.push({ path, message: `conditions nest deeper than ${maxDepth}` });
  if (!isRecord(node)) return void out.push({ path, message: 'expected a condition object' });
  if ('field' in node) return checkLeaf(node, path, out);
  const keys = Object.keys(node);
  const [key] = keys;
  if (keys.length !== 1 || (key !== 'all' && key !== 'any' && key !== 'not')) {
    const found = keys.length === 0 ? 'nothing' : keys.map((k) => `"${k}"`).join(', ');
    return void out.push({ path, message: `expected one of "all", "any", "not" or "field", found ${found}` });
  }
  if (key === 'not') return checkNode(node.not, [...path, 'not'], depth + 1, out);
  const parts = node[key];
  if (!Array.isArray(parts) || parts.length === 0) {
    return void out.push({ path: [...path, key], message: `"${key}" takes a non-empty list of conditions` });
  }
  parts.forEach((part, index) => {
    checkNode(part, [...path, key, index], depth + 1, out);
  });
}

/** Validates a condition strictly: unknown fields, operators, keys and ill-typed operands are all problems. */
export function checkCondition(node: unknown): ConditionProblem[] {
  const out: ConditionProblem[] = [];
  checkNode(node, [], 0, out);
  return out;
}
