import type { AppContext, Tx } from '../context.ts';

/** A change to a case or one of its parts, told by the cases service inside the transaction that made it. */
export interface CaseChange {
  caseId: string;
  record: 'case' | 'task' | 'note' | 'entity' | 'member' | 'link' | 'attachment';
  /** The record's id; for `member`, the entity's id (the case is `caseId`). */
  id: string;
  deleted?: boolean;
}

export type CaseObserver = (trx: Tx, app: AppContext, change: CaseChange) => Promise<void>;

const observers: CaseObserver[] = [];

/** Federation registers here to mirror shared cases; the cases code knows nothing else about it. */
export function observeCaseChanges(observer: CaseObserver): void {
  observers.push(observer);
}

/** Called once per write path in the cases service, in the same transaction as the change. */
export async function onCaseChanged(trx: Tx, app: AppContext, change: CaseChange): Promise<void> {
  for (const observer of observers) await observer(trx, app, change);
}

/**
 * A change in the graph (entities, their case membership and role, links), told by the graph's write paths
 * inside their own transaction. `ids` are entity ids (`entity`, `member`) or link ids (`link`); `member`
 * names its case. Federation mirrors only what belongs to a shared case; anything else costs one lookup.
 */
export interface GraphChange {
  record: 'entity' | 'member' | 'link';
  ids: readonly string[];
  caseId?: string;
  deleted?: boolean;
}

export type GraphObserver = (trx: Tx, app: AppContext, change: GraphChange) => Promise<void>;

const graphObservers: GraphObserver[] = [];

export function observeGraphChanges(observer: GraphObserver): void {
  graphObservers.push(observer);
}

/** Called once per graph write path, in the same transaction as the change. */
export async function onGraphChanged(trx: Tx, app: AppContext, change: GraphChange): Promise<void> {
  if (change.ids.length === 0) return;
  for (const observer of graphObservers) await observer(trx, app, change);
}
