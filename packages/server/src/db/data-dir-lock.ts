import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * PGlite has no lock of its own and corrupts its data directory when two processes open it, so the node
 * takes an exclusive lock file before opening. The file names its holder (pid, host, start time), so a restart
 * after a crash on the same machine sees at once that the holder is gone. A holder on another machine (a
 * shared volume) cannot be asked: its lock counts as abandoned once it has not been refreshed for `staleMs`.
 */
interface LockOwner {
  pid: number;
  hostname: string;
  /** When the holder started, for people reading the file. */
  startedAt: string;
  /** Linux: the holder's start in clock ticks after boot (/proc/<pid>/stat), so a reused pid is not it. */
  startTicks: string | null;
  /** Tells this holder's lock from a later one. */
  token: string;
}

interface FoundLock {
  /** The file's text; null when it is not a readable file (a directory left by an older version). */
  text: string | null;
  owner: LockOwner | null;
  mtimeMs: number;
}

const staleMs = 15_000;
const refreshMs = 5_000;
/** A breaker holds its own lock for a few milliseconds; one older than this was left by a crash. */
const breakerStaleMs = 10_000;

/** Lock path → token, for the locks this process holds (released on exit). */
const held = new Map<string, string>();
let exitHookInstalled = false;

export async function lockDataDirectory(dataDir: string): Promise<() => Promise<void>> {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockPath = path.join(dataDir, '.liaison.lock');
  const owner = thisProcess();
  if (!tryCreate(lockPath, owner)) {
    const found = readLock(lockPath);
    const taken = found === null || (isAbandoned(found) && breakLock(lockPath));
    if (!taken || !tryCreate(lockPath, owner)) throw refusal(dataDir, found ?? readLock(lockPath));
  }
  held.set(lockPath, owner.token);
  installExitHook();
  const refresh = setInterval(() => refreshLock(lockPath, owner.token), refreshMs);
  refresh.unref();
  return async () => {
    clearInterval(refresh);
    held.delete(lockPath);
    if (readLock(lockPath)?.owner?.token === owner.token) fs.rmSync(lockPath, { force: true });
  };
}

function thisProcess(): LockOwner {
  return {
    pid: process.pid,
    hostname: os.hostname(),
    startedAt: new Date(Date.now() - process.uptime() * 1000).toISOString(),
    startTicks: startTicksOf(process.pid),
    token: randomUUID(),
  };
}

/** Creates the lock file only if there is none (O_EXCL); false when one exists. */
function tryCreate(lockPath: string, owner: LockOwner): boolean {
  let fd: number;
  try {
    fd = fs.openSync(lockPath, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    fs.writeSync(fd, JSON.stringify(owner));
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  return true;
}

function readLock(lockPath: string): FoundLock | null {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(lockPath);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  let text: string | null = null;
  try {
    if (stat.isFile()) text = fs.readFileSync(lockPath, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  return { text, owner: parseOwner(text), mtimeMs: stat.mtimeMs };
}

function parseOwner(text: string | null): LockOwner | null {
  if (!text) return null;
  try {
    const value = JSON.parse(text) as Partial<LockOwner>;
    if (!Number.isInteger(value.pid) || typeof value.hostname !== 'string' || typeof value.token !== 'string')
      return null;
    return value as LockOwner;
  } catch {
    // Half-written by a holder that is starting right now, or not ours: judged by its age alone.
    return null;
  }
}

/**
 * Same host: abandoned exactly when the holder's process is gone (a live holder is refused however long it
 * has been busy). Another host, or a holder that is not named: abandoned when not refreshed for `staleMs`.
 */
function isAbandoned(found: FoundLock): boolean {
  if (found.owner && found.owner.hostname === os.hostname()) return holderIsGone(found.owner);
  return Date.now() - found.mtimeMs > staleMs;
}

function holderIsGone(owner: LockOwner): boolean {
  try {
    process.kill(owner.pid, 0);
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
  const ticks = startTicksOf(owner.pid);
  // The pid is in use: by the holder, or by a process that reused its number after it ended.
  if (owner.startTicks && ticks) return ticks !== owner.startTicks;
  if (owner.pid === process.pid) return ![...held.values()].includes(owner.token);
  return false;
}

/** Field 22 of /proc/<pid>/stat; null where there is no /proc. */
function startTicksOf(pid: number): string | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may hold spaces; fields after it start at 3.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

/**
 * Removes an abandoned lock. Two processes starting at once could both find it abandoned, and the second
 * would then remove the first one's new lock: so breaking takes a lock of its own and judges again under it.
 */
function breakLock(lockPath: string): boolean {
  const breaker = `${lockPath}.break`;
  if (!tryCreate(breaker, thisProcess())) {
    const left = readLock(breaker);
    if (left && Date.now() - left.mtimeMs < breakerStaleMs) return false;
    fs.rmSync(breaker, { force: true });
    if (!tryCreate(breaker, thisProcess())) return false;
  }
  try {
    const found = readLock(lockPath);
    if (found && !isAbandoned(found)) return false;
    fs.rmSync(lockPath, { recursive: true, force: true });
    return true;
  } finally {
    fs.rmSync(breaker, { force: true });
  }
}

/** Touches the lock so another host sees it alive; a lock that is no longer ours stops the process. */
function refreshLock(lockPath: string, token: string): void {
  if (held.get(lockPath) !== token) return;
  const found = readLock(lockPath);
  if (found?.owner?.token !== token) {
    held.delete(lockPath);
    throw new Error(
      `The lock on the data directory ${path.dirname(lockPath)} was removed or taken by another process; ` +
        'stopping so that two processes do not write the same database.',
    );
  }
  const now = new Date();
  fs.utimesSync(lockPath, now, now);
}

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const [lockPath, token] of held)
      if (readLock(lockPath)?.owner?.token === token) fs.rmSync(lockPath, { force: true });
  });
}

/** The data directory is held by another live process (usually the running node); `holder` names it. */
export class DataDirectoryLocked extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: string,
  ) {
    super(
      `Another Liaison process is using the data directory ${dataDir}${holder}. Stop it first, ` +
        'or give this process its own DATA_DIR (or a DATABASE_URL for a shared PostgreSQL server).',
    );
    this.name = 'DataDirectoryLocked';
  }
}

function refusal(dataDir: string, found: FoundLock | null): Error {
  const owner = found?.owner;
  const holder = owner ? ` (pid ${owner.pid} on ${owner.hostname}, started ${owner.startedAt})` : '';
  return new DataDirectoryLocked(dataDir, holder);
}
