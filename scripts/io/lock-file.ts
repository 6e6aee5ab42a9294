import { readFileSync } from 'node:fs';
import { MpError, truncate } from '../core/errors.ts';
import { parseLock } from '../lock/parse-lock.ts';
import { serializeLock } from '../lock/serialize-lock.ts';
import type { LockFile } from '../lock/types.ts';
import { removeStaleTemps, writeFileAtomic } from './atomic-write.ts';
import { isProcessAlive, withFileMutex, type MutexOptions } from './file-mutex.ts';

/**
 * plugin-lock.json on disk. undefined when absent. Throws LOCK_UNREADABLE, LOCK_PARSE (not JSON) or
 * LOCK_INVALID (not schemas/plugin-lock.schema.json).
 */
export function readLockFile(path: string): LockFile | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    throw new MpError('LOCK_UNREADABLE', `could not read ${path} — ${code ?? String(e)}`, { hint: 'check the file permissions' });
  }
  const r = parseLock(text);
  if (!r.ok) {
    throw new MpError(r.code, `${path} is not a valid plugin lock — ${truncate(r.issues.slice(0, 3).join('; '), 300)}`, {
      hint: r.code === 'LOCK_PARSE' ? 'resolve merge conflicts or restore it from git, then run mp lock' : 'run mp lock to regenerate it (see schemas/plugin-lock.schema.json)',
    });
  }
  return r.lock;
}

/**
 * Read-modify-write plugin-lock.json under a cross-process mutex: `update` gets the file as it is NOW
 * (another writer may have changed it since we last looked) and returns the lock to write. The write is
 * atomic and skipped when the bytes would not change.
 */
export async function updateLockFile(path: string, update: (current: LockFile | undefined) => LockFile | Promise<LockFile>, opts: MutexOptions = {}): Promise<{ lock: LockFile; changed: boolean }> {
  return withFileMutex(path, async () => {
    removeStaleTemps(path, isProcessAlive);
    let before: string | undefined;
    try { before = readFileSync(path, 'utf8'); } catch { /* absent */ }
    const current = before === undefined ? undefined : readLockFile(path);
    const lock = await update(current);
    const text = serializeLock(lock);
    if (text === before) return { lock, changed: false };
    writeFileAtomic(path, text);
    return { lock, changed: true };
  }, opts);
}
