import type { Permission } from '@liaison/core';
import { type ComponentType, type LazyExoticComponent, lazy } from 'react';

/** Where an entry sits in the left navigation; groups show in this order, empty ones are hidden. */
export const navGroups = [
  'overview',
  'investigation',
  'rescue',
  'exchange',
  'intelligence',
  'administration',
] as const;
export type NavGroup = (typeof navGroups)[number];

export interface FeatureRoute {
  id: string;
  /** The nav link's target. The feature owns every address under it (`/admin/users/new`, `/admin/users/:id`). */
  path: string;
  /** `namespace:key` in the feature's own i18n.ts, e.g. `admin:nav.users`. */
  labelKey: string;
  /** Hidden from the nav and answered with "not available" when the user's roles lack it. */
  permission?: Permission;
  /** The page, loaded on first visit: `lazy(() => import('./feature/Page.tsx'))` with a default export. */
  element: LazyExoticComponent<ComponentType>;
  navGroup: NavGroup;
}

/** Every page of the signed-in app. A new feature adds its entries here, in nav order. */
export const featureRoutes: FeatureRoute[] = [
  {
    id: 'home',
    path: '/',
    labelKey: 'home:nav',
    element: lazy(() => import('./home/HomePage.tsx')),
    navGroup: 'overview',
  },
  {
    id: 'cases',
    path: '/cases',
    labelKey: 'cases:nav',
    permission: 'cases.read',
    element: lazy(() => import('./cases/CasesSection.tsx')),
    navGroup: 'investigation',
  },
  {
    id: 'fugitive-flags',
    path: '/fugitive-flags',
    labelKey: 'fugitive-flag:nav',
    permission: 'fugitives.alerts',
    element: lazy(() => import('./fugitive-flag/FlagsPage.tsx')),
    navGroup: 'investigation',
  },
  {
    id: 'fugitives',
    path: '/fugitives',
    labelKey: 'fugitives:nav',
    permission: 'fugitives.read',
    element: lazy(() => import('./fugitives/FugitivesSection.tsx')),
    navGroup: 'investigation',
  },
  {
    id: 'removals',
    path: '/removals',
    labelKey: 'removals:nav',
    permission: 'fugitives.read',
    element: lazy(() => import('./removals/RemovalsSection.tsx')),
    navGroup: 'investigation',
  },
  {
    id: 'graph',
    path: '/graph',
    labelKey: 'graph:nav',
    permission: 'entities.read',
    element: lazy(() => import('./graph/GraphSection.tsx')),
    navGroup: 'intelligence',
  },
  {
    id: 'operations',
    path: '/operations',
    labelKey: 'operations:nav',
    permission: 'operations.read',
    element: lazy(() => import('./operations/OperationsSection.tsx')),
    navGroup: 'investigation',
  },
  {
    id: 'rescue',
    path: '/rescue',
    labelKey: 'rescue:nav',
    permission: 'rescue.read',
    element: lazy(() => import('./rescue/RescueSection.tsx')),
    navGroup: 'rescue',
  },
  {
    id: 'compounds',
    path: '/compounds',
    labelKey: 'compounds:nav',
    permission: 'compounds.read',
    element: lazy(() => import('./compounds/CompoundsPage.tsx')),
    navGroup: 'rescue',
  },
  {
    id: 'exchange',
    path: '/exchange',
    labelKey: 'exchange:nav',
    permission: 'exchange.read',
    element: lazy(() => import('./exchange/ExchangeSection.tsx')),
    navGroup: 'exchange',
  },
  {
    id: 'admin-agencies',
    path: '/admin/agencies',
    labelKey: 'admin:nav.agencies',
    permission: 'agencies.manage',
    element: lazy(() => import('./admin/AgenciesPage.tsx')),
    navGroup: 'administration',
  },
  {
    id: 'admin-users',
    path: '/admin/users',
    labelKey: 'admin:nav.users',
    permission: 'users.read',
    element: lazy(() => import('./admin/UsersSection.tsx')),
    navGroup: 'administration',
  },
  {
    id: 'peers',
    path: '/admin/peers',
    labelKey: 'peers:nav',
    permission: 'peers.manage',
    element: lazy(() => import('./peers/PeersPage.tsx')),
    navGroup: 'administration',
  },
  {
    id: 'audit',
    path: '/audit',
    labelKey: 'audit:nav',
    permission: 'audit.read',
    element: lazy(() => import('./audit/AuditPage.tsx')),
    navGroup: 'administration',
  },
];

/** Pages reachable without signing in (the public rescue report form); the app renders them whatever the session. */
export const publicPages: { path: string; element: LazyExoticComponent<ComponentType> }[] = [
  { path: '/report', element: lazy(() => import('./public-report/PublicReportPage.tsx')) },
  { path: '/report/status/:reference', element: lazy(() => import('./public-report/ReportStatusPage.tsx')) },
];
