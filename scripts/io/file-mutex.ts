import { closeSync, linkSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { MpError } from '../core/errors.ts';

/**
 * A cross-process mutex: the exclusive creation (O_EXCL) of `<path>.lock`, holding
 * {pid, host, createdAt, nonce}. A holder that died (same host, pid gone) or that holds it longer than
 * `staleMs` is stale; its lock is broken by renaming it away (only one contender's rename succeeds),
 * checking that what was renamed is the lock judged stale, and putting it back otherwise.
 */
export interface MutexOptions { timeoutMs?: number; staleMs?: number; now?: () => number; sleep?: (ms: number) => Promise<void> }

interface Holder { pid: number; host: string; createdAt: number; nonce: string }

export async function withFileMutex<T>(path: string, fn: () => T | Promise<T>, opts: MutexOptions = {}): Promise<T> {
  const lockPath = `${path}.lock`;
  const now = opts.now ?? Date.now;
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const deadline = now() + (opts.timeoutMs ?? 15_000);
  const me: Holder = { pid: process.pid, host: hostname(), createdAt: now(), nonce: randomBytes(8).toString('hex') };
  for (let attempt = 0; ; attempt++) {
    if (tryCreate(lockPath, { ...me, createdAt: now() })) break;
    breakIfStale(lockPath, opts.staleMs ?? 30_000, now);
    if (now() > deadline) {
      throw new MpError('LOCK_BUSY', `could not lock ${path} — another mp process holds ${lockPath}`, {
        hint: `wait for it to finish; if no mp process is running, delete ${lockPath}`,
      });
    }
    await sleep(Math.min(200, 10 * 2 ** Math.min(attempt, 4)) + Math.floor(Math.random() * 10));
  }
  try {
    return await fn();
  } finally {
    releaseIfMine(lockPath, me.nonce);
  }
}

export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function tryCreate(lockPath: string, h: Holder): boolean {
  let fd: number;
  try {
    fd = openSync(lockPath, 'wx', 0o644);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw new MpError('LOCK_UNWRITABLE', `could not create ${lockPath} — ${(e as NodeJS.ErrnoException).code ?? String(e)}`, { hint: 'check that the project directory is writable' });
  }
  try { writeSync(fd, JSON.stringify(h)); } finally { closeSync(fd); }
  return true;
}

function readHolder(lockPath: string): { holder?: Holder; mtimeMs: number } | undefined {
  try {
    const mtimeMs = statSync(lockPath).mtimeMs;
    try {
      const h = JSON.parse(readFileSync(lockPath, 'utf8')) as Holder;
      return typeof h.pid === 'number' && typeof h.nonce === 'string' ? { holder: h, mtimeMs } : { mtimeMs };
    } catch {
      return { mtimeMs };
    }
  } catch {
    return undefined; // released meanwhile
  }
}

function breakIfStale(lockPath: string, staleMs: number, now: () => number): void {
  const seen = readHolder(lockPath);
  if (!seen) return;
  const { holder } = seen;
  // A holder killed between creating the file and writing it leaves it empty: stale after a grace period.
  const stale = holder
    ? (holder.host === hostname() && !isProcessAlive(holder.pid)) || now() - holder.createdAt > staleMs
    : now() - seen.mtimeMs > 2_000;
  if (!stale) return;
  const aside = `${lockPath}.stale.${process.pid}.${randomBytes(4).toString('hex')}`;
  try {
    renameSync(lockPath, aside);
  } catch {
    return; // another contender broke it first
  }
  const moved = readHolder(aside);
  if (holder && moved?.holder?.nonce !== holder.nonce) {
    // We raced: what we moved is a fresh lock someone just took. Put it back unless yet another exists.
    try { linkSync(aside, lockPath); } catch { /* someone else holds it now; they keep it */ }
  }
  try { unlinkSync(aside); } catch { /* gone */ }
}

function releaseIfMine(lockPath: string, nonce: string): void {
  const seen = readHolder(lockPath);
  if (seen?.holder?.nonce === nonce) {
    try { unlinkSync(lockPath); } catch { /* gone */ }
  }
}
