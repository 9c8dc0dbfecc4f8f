import type { Transaction } from 'kysely';
import type { Database } from '../db/tables.ts';

// The node's change feed: features announce changes of their records, inside the transaction that made them;
// observers (federation's case sync today; the fugitive flag and the live dashboard next) act on them. It sits
// below the features: a feature imports this module, never the observers.

type Tx = Transaction<Database>;

/** A change to a case or one of its parts, told by the cases feature. */
export interface CaseChange {
  on: 'case';
  caseId: string;
  record: 'case' | 'task' | 'note' | 'attachment';
  id: string;
  deleted?: boolean;
}

/**
 * A change in the graph (entities, their case membership and role, links), told by the graph's write paths.
 * `ids` are entity ids (`entity`, `member`) or link ids (`link`); `member` names its case.
 */
export interface GraphChange {
  on: 'graph';
  record: 'entity' | 'member' | 'link';
  ids: readonly string[];
  caseId?: string;
  deleted?: boolean;
}

/**
 * A person entered this node's graph or a case: created here (`created`, with the case it was placed in, if
 * any), an existing person added to a case (`case`), or a partner's person mirrored in a shared case (`peer`).
 * What the fugitive flag watches: whoever observes it matches the person against its own records.
 */
export interface PersonAppearance {
  on: 'person';
  where: 'created' | 'case' | 'peer';
  entityIds: readonly string[];
  caseId?: string;
}

/**
 * A change of records of another kind that travels in shared cases (`fugitive`, `sighting`, `operation`), told
 * by the owner's write paths; the kind's `placedIn` says which cases hold them (changes/shared-record-kind.ts).
 */
export interface KindChange {
  on: 'record';
  /** The kind's wire name. */
  record: string;
  ids: readonly string[];
  deleted?: boolean;
}

/** A rescue report filed: the person it names (by name, birth date, passport) is news for the fugitive flag. */
export interface RescueReportFiled {
  on: 'rescue-report';
  rescueCaseId: string;
}

export type RecordChange = CaseChange | GraphChange | PersonAppearance | KindChange | RescueReportFiled;

/** Called in the announcing transaction; a throw rolls the change back. */
export type ChangeObserver = (trx: Tx, change: RecordChange) => Promise<void>;

/** One per node (on `AppContext.changes`): two nodes in one process never see each other's changes. */
export interface RecordChanges {
  /** Tells every observer, in the order they were added, inside `trx`. A change naming no record is dropped. */
  announce(trx: Tx, change: RecordChange): Promise<void>;
  /** Adds an observer; returns what removes it. */
  observe(observer: ChangeObserver): () => void;
}

export function createRecordChanges(): RecordChanges {
  const observers: ChangeObserver[] = [];
  return {
    async announce(trx, change) {
      if ((change.on === 'graph' || change.on === 'record') && change.ids.length === 0) return;
      if (change.on === 'person' && change.entityIds.length === 0) return;
      for (const observer of [...observers]) await observer(trx, change);
    },
    observe(observer) {
      observers.push(observer);
      return () => {
        const at = observers.indexOf(observer);
        if (at >= 0) observers.splice(at, 1);
      };
    },
  };
}
