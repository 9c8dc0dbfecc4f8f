import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { NodeKeyring } from './keys.ts';

/** Federation settings, from the environment (documented in the README's federation section). */
const Env = z.object({
  FEDERATION_POLL_MS: z.coerce.number().int().min(10).default(1_000),
  FEDERATION_PULL_MS: z.coerce.number().int().min(100).default(30_000),
  FEDERATION_BATCH: z.coerce.number().int().min(1).max(500).default(200),
  FEDERATION_MAX_BACKOFF_MS: z.coerce.number().int().min(100).default(300_000),
  FEDERATION_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
  HIT_QUERIES_PER_HOUR: z.coerce.number().int().min(1).default(30),
  // A delivery request not signed by a known, active peer (sender-limits.ts).
  FEDERATION_UNKNOWN_SENDER_BODY_LIMIT: z.coerce.number().int().min(1_024).default(65_536),
  FEDERATION_UNKNOWN_SENDER_PER_MINUTE: z.coerce.number().int().min(1).default(20),
});
export type FederationSettings = z.infer<typeof Env>;

export function loadFederationSettings(env: NodeJS.ProcessEnv = process.env): FederationSettings {
  const parsed = Env.safeParse(env);
  if (!parsed.success)
    throw new Error(
      `Invalid federation settings: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  return parsed.data;
}

/** What federation keeps per node process (on `AppContext.federation`): its keys, settings, replay window. */
export interface FederationRuntime {
  keyring: NodeKeyring;
  settings: FederationSettings;
  /**
   * Whether federation's jobs (delivery, catch-up, attachment content, exchange reminders and retention)
   * start when the HTTP server listens; tests turn it off and drive them by hand.
   */
  autoStart: boolean;
  /** Wakes the delivery job after a commit that queued messages (nothing until it runs). */
  kick: () => void;
  /** Ids of recent unsequenced messages (hit queries), against replay. */
  recentIds: Map<string, number>;
}

/** Built by `createNode` for the node it serves; settings from the environment. */
export function createFederationRuntime(
  app: () => AppContext,
  settings: FederationSettings = loadFederationSettings(),
): FederationRuntime {
  return {
    keyring: new NodeKeyring(app),
    settings,
    autoStart: true,
    kick: () => app().jobs.kick(deliveryJobName),
    recentIds: new Map(),
  };
}

/** The delivery job's name (federation/jobs.ts). */
export const deliveryJobName = 'federation.deliver';

export function federationOf(app: AppContext): FederationRuntime {
  return app.federation;
}

/** Plain HTTP only to this machine: anything else must be HTTPS. */
export function checkPeerUrl(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'is not a URL';
  }
  if (parsed.protocol === 'https:') return null;
  const loopback = ['127.0.0.1', 'localhost', '[::1]', '::1'].includes(parsed.hostname);
  if (parsed.protocol === 'http:' && loopback) return null;
  return 'must use https (plain http is allowed only on loopback)';
}
