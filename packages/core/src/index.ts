export * from './accounts/actor.ts';
export * from './accounts/permissions.ts';
export * from './accounts/roles.ts';
export * from './accounts/schemas.ts';
export * from './audit/chain.ts';
export * from './audit/schemas.ts';
export * from './errors/catalogue.ts';
export * from './markings/markings.ts';
