import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MpError } from '../core/errors.ts';
import { SIGNATURE_PATH } from '../integrity/tree-digest.ts';

/**
 * Write a plugin's signature bundle next to its manifest, atomically (temp file in the same directory,
 * then rename), so a reader never sees half a bundle. Returns the absolute path written.
 */
export function writeSignatureBundle(root: string, bundle: unknown): string {
  const target = join(root, SIGNATURE_PATH);
  const tmp = `${target}.tmp-${process.pid}`;
  try {
    mkdirSync(join(root, '.claude-plugin'), { recursive: true });
    writeFileSync(tmp, JSON.stringify(bundle, null, 2) + '\n', { mode: 0o644 });
    renameSync(tmp, target);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw new MpError('SIGN_WRITE_FAILED', `could not write ${target} — ${(e as NodeJS.ErrnoException).code ?? String(e)}`, {
      hint: 'check that the plugin directory is writable',
      cause: e,
    });
  }
  return target;
}
