import { join } from 'node:path';
import { MpError } from '../core/errors.ts';
import type { TreeDigest } from '../integrity/tree-digest.ts';
import { verifyLock, type LockVerification } from '../lock/verify-lock.ts';
import { LOCK_FILE_NAME, type LockFile } from '../lock/types.ts';
import type { ObservedPlugin } from '../lock/observed.ts';
import { readLockFile } from './lock-file.ts';
import { observeProject } from './observe-project.ts';

export interface VerifyProjectResult { lockPath: string; lock: LockFile; verification: LockVerification; observed: ObservedPlugin[] }

/**
 * Recompute the digest of every plugin Claude Code installed for the project and compare with
 * plugin-lock.json. Throws LOCK_MISSING when there is no lock (and the lock file's own errors).
 */
export function verifyProject(o: { env: Record<string, string | undefined>; projectDir: string; digest?: (installPath: string) => TreeDigest }): VerifyProjectResult {
  const lockPath = join(o.projectDir, LOCK_FILE_NAME);
  const lock = readLockFile(lockPath);
  if (!lock) {
    throw new MpError('LOCK_MISSING', `no ${LOCK_FILE_NAME} in ${o.projectDir}`, { hint: 'run mp lock to record what the project runs now, and commit the file' });
  }
  const { observed } = observeProject({ env: o.env, projectDir: o.projectDir, ...(o.digest ? { digest: o.digest } : {}) });
  return { lockPath, lock, verification: verifyLock(lock, observed), observed };
}
