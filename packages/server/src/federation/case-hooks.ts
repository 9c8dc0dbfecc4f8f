import type { AppContext, Tx } from '../context.ts';

/** A change to a case or one of its parts, told by the cases service inside the transaction that made it. */
export interface CaseChange {
  caseId: string;
  record: 'case' | 'task' | 'note';
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
