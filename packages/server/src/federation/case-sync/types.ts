// Shared types of joint case workspaces. The conflict rule is documented in ../README.md.

/** A record kind's wire name (`case`, `task`, `entity`...): the node's kinds are its owners' (AppContext.sharedRecords). */
export type Kind = string;
export type Stamped = Record<string, { v: unknown; t: string }>;
/** One record's change on the wire: the fields that changed with their stamps, or a tombstone. */
export interface SyncRecord {
  type: Kind;
  originNode: string;
  originId: string;
  fields: Stamped;
  deleted?: string;
}
export interface CaseRef {
  originNode: string;
  caseId: string;
}
export type ShareScope = 'tasks' | 'notes' | 'entities' | 'attachments' | 'fugitives' | 'operations';
