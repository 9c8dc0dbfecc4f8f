import type { Role } from './roles.ts';

/**
 * Every action a route or use case can take. Routes declare one of these (or `public`/`authenticated`),
 * and services check it again with `authorize`, so access control never depends on one layer alone.
 */
export const permissions = [
  'agencies.manage',
  'users.manage',
  'users.read',
  'audit.read',
  'cases.read',
  'cases.write',
  'entities.read',
  'entities.write',
  'correlation.manage',
  'exchange.read',
  'exchange.send',
  'peers.manage',
  'policy.read',
  'rescue.read',
  'rescue.write',
  'rescue.triage',
  'rescue.escalations',
  'compounds.read',
  'compounds.write',
  'stats.read',
  // Fugitives: the register (read/write) and the fugitive flag's alerts (who is told when a wanted person appears).
  'fugitives.read',
  'fugitives.write',
  'fugitives.alerts',
  // Joint operations: read, plan (targets, teams, authority), log on the ground, and the commander's go/no-go.
  'operations.read',
  'operations.plan',
  'operations.log',
  'operations.decide',
] as const;
export type Permission = (typeof permissions)[number];

const read: Permission[] = ['cases.read', 'entities.read', 'compounds.read', 'exchange.read', 'stats.read'];
const investigate: Permission[] = [...read, 'cases.write', 'entities.write', 'exchange.send'];

export const rolePermissions: Record<Role, readonly Permission[]> = {
  administrator: [
    'agencies.manage',
    'users.manage',
    'users.read',
    'peers.manage',
    'policy.read',
    'correlation.manage',
  ],
  commander: [
    ...investigate,
    'users.read',
    'rescue.read',
    'rescue.write',
    'rescue.triage',
    'rescue.escalations',
    'compounds.write',
    'policy.read',
    'fugitives.read',
    'fugitives.write',
    'fugitives.alerts',
    'operations.read',
    'operations.plan',
    'operations.log',
    'operations.decide',
  ],
  investigator: [
    ...investigate,
    'rescue.read',
    'rescue.write',
    'fugitives.read',
    'fugitives.write',
    'operations.read',
    'operations.log',
  ],
  analyst: [...investigate, 'correlation.manage', 'fugitives.read', 'fugitives.alerts', 'operations.read'],
  liaison_officer: [
    ...investigate,
    'rescue.read',
    'rescue.write',
    'rescue.triage',
    'compounds.write',
    'policy.read',
    'fugitives.read',
    'fugitives.write',
    'fugitives.alerts',
    'operations.read',
    'operations.plan',
    'operations.log',
  ],
  consular_officer: [
    'rescue.read',
    'rescue.write',
    'rescue.triage',
    'compounds.read',
    'exchange.read',
    'stats.read',
  ],
  forensic_examiner: ['cases.read', 'entities.read'],
  auditor: ['audit.read', 'users.read', 'policy.read', 'stats.read'],
};

export function permissionsOf(userRoles: readonly Role[]): Set<Permission> {
  return new Set(userRoles.flatMap((role) => rolePermissions[role]));
}

export function hasPermission(userRoles: readonly Role[], permission: Permission): boolean {
  return userRoles.some((role) => rolePermissions[role].includes(permission));
}
