// Joint case workspaces: the entry point. The parts live in ./case-sync/, one job each; the conflict rule is
// documented in ./README.md ("Joint case workspaces").
//   types.ts, record-schema.ts   shared types; what each record kind shares and how it is stored
//   share.ts                     sharing a case with a peer and retracting the share
//   local-record.ts, capture.ts  outgoing change capture (stamping local changes, the change hooks)
//   outgoing.ts                  queuing `case.sync` to the sharing peers under the outbound rules
//   merge.ts, local-writes.ts    the merge/tombstone rule; applying each record kind locally
//   handlers.ts, inbound.ts      incoming `case.share`, `case.sync`, `case.retract`
//   mirror.ts, peer-account.ts   removing a mirror; the local account of a peer
import './case-sync/capture.ts';
import './case-sync/handlers.ts';

export { removeMirror } from './case-sync/mirror.ts';
export { memberId } from './case-sync/record-schema.ts';
export { retractCaseShare, type ShareCaseInput, shareCase } from './case-sync/share.ts';
export type { ShareScope, SyncRecord } from './case-sync/types.ts';
