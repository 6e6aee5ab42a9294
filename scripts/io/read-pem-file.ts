import { readFileSync, statSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { MpError } from '../core/errors.ts';
import { MAX_PEM_BYTES } from '../trust/signing/parse-key.ts';

/** A PEM key file's text, bounded. KEY_UNREADABLE when it cannot be read, KEY_MALFORMED when too large. */
export function readPemFile(path: string): string {
  let size: number;
  try {
    size = statSync(path).size;
  } catch (e) {
    throw new MpError('KEY_UNREADABLE', `could not read key ${path} — ${(e as NodeJS.ErrnoException).code ?? 'error'}`, { hint: 'pass the path of a PEM key file' });
  }
  if (size > MAX_PEM_BYTES) throw new MpError('KEY_MALFORMED', `could not use key ${path} — it is ${size} bytes; a PEM key is under ${MAX_PEM_BYTES}`, { hint: 'pass a PEM key file (mp keygen writes one)' });
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw new MpError('KEY_UNREADABLE', `could not read key ${path} — ${(e as NodeJS.ErrnoException).code ?? 'error'}`, { hint: 'pass the path of a PEM key file' });
  }
}

/**
 * The policy's `keys` entries are inline PEM or paths relative to the policy file's directory.
 * Returns PEM text; a key that cannot be read is an error (the policy fails closed).
 */
export function resolvePolicyKeys(keys: readonly string[], policyDir: string): string[] {
  return keys.map((k) => (k.includes('-----BEGIN ') ? k : readPemFile(isAbsolute(k) ? k : resolve(policyDir, k))));
}
