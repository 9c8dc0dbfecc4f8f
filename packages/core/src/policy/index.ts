export * from './condition.ts';
export * from './condition-check.ts';
export * from './context.ts';
export * from './engine.ts';
export { type FieldPath, type FieldType, fieldPaths, isFieldPath, policyFields } from './fields.ts';
export * from './load.ts';
export * from './obligations.ts';
export * from './schema.ts';
