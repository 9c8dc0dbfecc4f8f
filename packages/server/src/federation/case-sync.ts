// Joint case workspaces: the entry point. The parts live in ./case-sync/, one job each; the conflict rule is
// documented in ./README.md ("Joint case workspaces").
//   types.ts                     shared types (the record kinds are their owners': changes/shared-record-kind.ts)
//   share.ts, share-list.ts      sharing a case with a peer, retracting the share, listing a case's shares
//   share-routes.ts              their routes (/api/v1/exchange/case-shares); policy decisions: ../policy/
//   local-record.ts, capture.ts  outgoing change capture (stamping local changes, the change feed's observer)
//   outgoing.ts                  queuing `case.sync` to the sharing peers under the outbound rules
//   merge.ts, local-writes.ts    the merge/tombstone rule; the peer as the record kinds' owners see it
//   handlers.ts, inbound.ts      incoming `case.share`, `case.sync`, `case.retract`
//   mirror.ts, peer-account.ts   removing a mirror; the local account of a peer
//   mirror-retention.ts          disposing of mirrors past their retention date

export { caseSyncObserver } from './case-sync/capture.ts';
export { disposeMirrors, expiredMirrors } from './case-sync/mirror-retention.ts';
export { retractCaseShare, type ShareCaseInput, shareCase } from './case-sync/share.ts';
export type { ShareScope, SyncRecord } from './case-sync/types.ts';
