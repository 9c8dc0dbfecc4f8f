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

/** What federation keeps per node process: its keys, settings, the worker's wake-up call. */
export interface FederationRuntime {
  keyring: NodeKeyring;
  settings: FederationSettings;
  /** Start the delivery worker when the HTTP server listens (tests turn this off and drive delivery). */
  autoStart: boolean;
  /** Wakes the delivery worker after a commit that queued messages. */
  kick: () => void;
  stop: () => Promise<void>;
  /** Ids of recent unsequenced messages (hit queries), against replay. */
  recentIds: Map<string, number>;
}

const runtimes = new WeakMap<AppContext, FederationRuntime>();

export function federationOf(app: AppContext): FederationRuntime {
  let runtime = runtimes.get(app);
  if (!runtime) {
    runtime = {
      keyring: new NodeKeyring(app),
      settings: loadFederationSettings(),
      autoStart: true,
      kick: () => {},
      stop: async () => {},
      recentIds: new Map(),
    };
    runtimes.set(app, runtime);
  }
  return runtime;
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
