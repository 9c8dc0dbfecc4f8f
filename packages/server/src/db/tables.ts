import type { ColumnType, Generated } from 'kysely';
import type { RoleGrantTables } from '../accounts/role-grant-tables.ts';
import type { AccountTables } from '../accounts/tables.ts';
import type { AuditTables } from '../audit/tables.ts';
import type { CaseTables } from '../cases/tables.ts';
import type { CorrelationTables } from '../correlation/tables.ts';
import type { ExchangeTables } from '../exchange/tables.ts';
import type { FederationTables } from '../federation/tables.ts';
import type { FugitiveFlagTables } from '../fugitives/flag/tables.ts';
import type { RemovalTables } from '../fugitives/removal/tables.ts';
import type { FugitiveTables } from '../fugitives/tables.ts';
import type { ChartTables } from '../graph/charts/tables.ts';
import type { EntityTables } from '../graph/entities/tables.ts';
import type { LinkTables } from '../graph/links/tables.ts';
import type { OperationTables } from '../operations/tables.ts';
import type { RescueTables } from '../rescue/tables.ts';

export type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
export type NullableTimestamp = ColumnType<
  Date | null,
  Date | string | null | undefined,
  Date | string | null
>;
export type Uuid = Generated<string>;
export type Json<T = unknown> = ColumnType<T, string | T, string | T>;

/** The whole database, one interface per feature (each feature's `tables.ts`). */
export interface Database
  extends AccountTables,
    AuditTables,
    CaseTables,
    EntityTables,
    LinkTables,
    ChartTables,
    CorrelationTables,
    ExchangeTables,
    FederationTables,
    FugitiveTables,
    FugitiveFlagTables,
    OperationTables,
    RemovalTables,
    RescueTables,
    RoleGrantTables {}
