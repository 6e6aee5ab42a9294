import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { MpError } from '../core/errors.ts';
import { SIGNATURE_PATH } from '../integrity/tree-digest.ts';
import { writeFileAtomic } from './atomic-write.ts';

/**
 * Write a plugin's signature bundle next to its manifest, atomically (a reader never sees half a
 * bundle). Returns the absolute path written.
 */
export function writeSignatureBundle(root: string, bundle: unknown): string {
  const target = join(root, SIGNATURE_PATH);
  try {
    mkdirSync(join(root, '.claude-plugin'), { recursive: true });
    writeFileAtomic(target, JSON.stringify(bundle, null, 2) + '\n');
  } catch (e) {
    throw new MpError('SIGN_WRITE_FAILED', `could not write ${target} — ${(e as NodeJS.ErrnoException).code ?? String(e)}`, {
      hint: 'check that the plugin directory is writable',
      cause: e,
    });
  }
  return target;
}
