import path from 'node:path';
import { z } from 'zod';
import { type TrustProxy, TrustProxySetting } from './http/trust-proxy.ts';

/** Node configuration from the environment; documented in the README's "Configuration" table. */
const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().default('127.0.0.1'),
  DATA_DIR: z.string().default('./data'),
  // An empty variable means "not set" (as shells and .env files often leave it).
  DATABASE_URL: z.preprocess((v) => (v === '' ? undefined : v), z.string().url().optional()),
  NODE_NAME: z
    .string()
    .regex(/^[a-z0-9-]{2,40}$/)
    .default('knpa'),
  NODE_AGENCY: z.string().default('KNPA'),
  NODE_COUNTRY: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .default('KR'),
  PUBLIC_URL: z.preprocess((v) => (v === '' ? undefined : v), z.string().url().optional()),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).default(30),
  SESSION_CACHE_SECONDS: z.coerce.number().min(0).max(60).default(5),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).default(12),
  SECURE_COOKIES: z.enum(['auto', 'true', 'false']).default('auto'),
  LOGIN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(20),
  API_TOKEN_MAX_DAYS: z.coerce.number().int().min(1).max(730).default(90),
  TRUST_PROXY: TrustProxySetting,
  AUDIT_CHECKPOINT_FILE: z.string().optional(),
  AUDIT_CHECKPOINT_SECONDS: z.coerce.number().int().min(1).default(60),
  JOBS_DRIVER: z.enum(['in-process', 'pg-boss']).default('in-process'),
  WEB_DIST: z.string().optional(),
  POLICIES_DIR: z.string().optional(),
});

export interface NodeConfig {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  nodeName: string;
  nodeAgency: string;
  nodeCountry: string;
  publicUrl: string;
  logLevel: string;
  sessionIdleMs: number;
  sessionAbsoluteMs: number;
  /** How long a process may reuse a resolved session (0: never); see accounts/session-cache.ts. */
  sessionCacheMs: number;
  secureCookies: boolean;
  loginRateLimitPerMinute: number;
  /** The longest an API token lives, from its creation (accounts/api-tokens-service.ts). */
  apiTokenMaxDays: number;
  /** Reverse proxies whose X-Forwarded-For names the client (http/trust-proxy.ts); false: none. */
  trustProxy: TrustProxy;
  /** Where the latest signed audit checkpoint is kept besides the database (audit/checkpoints.ts); null: nowhere. */
  auditCheckpointFile: string | null;
  /** How often new audit entries are checked and a checkpoint of the head signed. */
  auditCheckpointMs: number;
  /** Who runs background jobs (jobs/scheduler.ts): timers in this process, or pg-boss queues on PostgreSQL. */
  jobsDriver: 'in-process' | 'pg-boss';
  webDist: string;
  policiesDir: string;
}

const repoRoot = path.resolve(import.meta.dirname, '../../..');

export function loadConfig(env: NodeJS.ProcessEnv = process.env): NodeConfig {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration in the environment:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const publicUrl = e.PUBLIC_URL ?? `http://${e.HOST}:${e.PORT}`;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    nodeName: e.NODE_NAME,
    nodeAgency: e.NODE_AGENCY,
    nodeCountry: e.NODE_COUNTRY,
    publicUrl,
    logLevel: e.LOG_LEVEL,
    sessionIdleMs: e.SESSION_IDLE_MINUTES * 60_000,
    sessionAbsoluteMs: e.SESSION_ABSOLUTE_HOURS * 3_600_000,
    sessionCacheMs: e.SESSION_CACHE_SECONDS * 1_000,
    secureCookies: e.SECURE_COOKIES === 'auto' ? publicUrl.startsWith('https:') : e.SECURE_COOKIES === 'true',
    loginRateLimitPerMinute: e.LOGIN_RATE_LIMIT_PER_MINUTE,
    apiTokenMaxDays: e.API_TOKEN_MAX_DAYS,
    trustProxy: e.TRUST_PROXY,
    auditCheckpointFile:
      e.AUDIT_CHECKPOINT_FILE === 'off'
        ? null
        : path.resolve(e.AUDIT_CHECKPOINT_FILE ?? path.join(e.DATA_DIR, 'audit-checkpoint.jws')),
    auditCheckpointMs: e.AUDIT_CHECKPOINT_SECONDS * 1_000,
    jobsDriver: e.JOBS_DRIVER,
    webDist: path.resolve(e.WEB_DIST ?? path.join(repoRoot, 'packages/web/dist')),
    policiesDir: path.resolve(e.POLICIES_DIR ?? path.join(repoRoot, 'policies')),
  };
}
