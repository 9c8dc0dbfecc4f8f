import type { ChangeObserver } from './changes/record-changes.ts';
import type { RecordPurge, SharedRecordKind } from './changes/shared-record-kind.ts';
import type { AppContext } from './context.ts';
import type { HitSource } from './exchange/hits.ts';
import type { DeliveryListener, MessageHandler } from './federation/outbox.ts';
import type { RequestHandler } from './federation/requests.ts';
import type { BlobHolder } from './files/blob-holders.ts';
import type { RouteModule } from './http/route-types.ts';
import type { Job } from './jobs/job.ts';

/**
 * What one feature contributes to a node, declared in `<feature>/manifest.ts` and listed once in
 * `features.ts`. Nothing is registered by importing a file: the node reads the list and builds its own
 * registries (`NodeRegistry`), so two nodes in one process share none.
 */
export interface FeatureManifest {
  /** For errors and logs (`cases`, `exchange`...). */
  name: string;
  /** HTTP routes, registered in list order (which is the OpenAPI document's order). */
  routes?: readonly RouteModule[];
  /** Record kinds that travel to a partner in a shared case (changes/shared-record-kind.ts). */
  recordKinds?: readonly SharedRecordKind[];
  /** What deletes the feature's own rows when a mirrored case or mirrored entities go. */
  purges?: readonly RecordPurge[];
  /** Observers of the node's change feed (changes/record-changes.ts), made for the node they serve. */
  changeObservers?: readonly ((app: AppContext) => ChangeObserver)[];
  /** Federation message kinds this feature applies when a peer's message arrives (federation/outbox.ts). */
  messageHandlers?: Readonly<Record<string, MessageHandler>>;
  /** Told when a peer acknowledged or refused our messages of a kind. */
  deliveryListeners?: Readonly<Record<string, DeliveryListener>>;
  /** Synchronous peer requests this feature answers (federation/requests.ts: hit/no-hit). */
  requestHandlers?: Readonly<Record<string, RequestHandler>>;
  /** Where a partner's hit/no-hit query looks (exchange/hits.ts). */
  hitSources?: readonly HitSource[];
  /** Background jobs (jobs/job.ts), run by the node's scheduler. */
  jobs?: readonly Job[];
  /** Rows of this feature that name blobs of the file store: a blob is kept while any holder uses it. */
  blobHolders?: readonly BlobHolder[];
}

/** The node's registries, built from the manifests by `createNode` (on `AppContext.registry`). */
export interface NodeRegistry {
  features: readonly string[];
  routes: readonly RouteModule[];
  messageHandlers: ReadonlyMap<string, MessageHandler>;
  deliveryListeners: ReadonlyMap<string, DeliveryListener>;
  requestHandlers: ReadonlyMap<string, RequestHandler>;
  hitSources: readonly HitSource[];
  jobs: readonly Job[];
  recordKinds: readonly SharedRecordKind[];
  purges: readonly RecordPurge[];
  changeObservers: readonly ((app: AppContext) => ChangeObserver)[];
  blobHolders: readonly BlobHolder[];
}

/** Collects the manifests' contributions; a message kind, request kind or job named twice is refused. */
export function buildRegistry(manifests: readonly FeatureManifest[]): NodeRegistry {
  const owners = new Map<string, string>();
  const claim = (what: string, key: string, feature: string) => {
    const owner = owners.get(`${what}:${key}`);
    if (owner) throw new Error(`${what} ${key} is declared by both ${owner} and ${feature}.`);
    owners.set(`${what}:${key}`, feature);
  };
  const keyed = <T>(what: string, pick: (m: FeatureManifest) => Readonly<Record<string, T>> | undefined) => {
    const map = new Map<string, T>();
    for (const m of manifests)
      for (const [key, value] of Object.entries(pick(m) ?? {})) {
        claim(what, key, m.name);
        map.set(key, value);
      }
    return map;
  };
  const jobs = manifests.flatMap((m) => m.jobs ?? []);
  for (const m of manifests) for (const job of m.jobs ?? []) claim('job', job.name, m.name);
  return {
    features: manifests.map((m) => m.name),
    routes: manifests.flatMap((m) => m.routes ?? []),
    messageHandlers: keyed('message kind', (m) => m.messageHandlers),
    deliveryListeners: keyed('delivery listener of', (m) => m.deliveryListeners),
    requestHandlers: keyed('request kind', (m) => m.requestHandlers),
    hitSources: manifests.flatMap((m) => m.hitSources ?? []),
    jobs,
    recordKinds: manifests.flatMap((m) => m.recordKinds ?? []),
    purges: manifests.flatMap((m) => m.purges ?? []),
    changeObservers: manifests.flatMap((m) => m.changeObservers ?? []),
    blobHolders: manifests.flatMap((m) => m.blobHolders ?? []),
  };
}
