export * from './normalise-text.ts';
export * from './text-schema.ts';
