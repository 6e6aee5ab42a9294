import { mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { MpError } from '../core/errors.ts';
import { writeFileAtomic } from './atomic-write.ts';
import { parsePolicyText } from './policy-file.ts';

/** The policy file's text, or null when it does not exist. Throws POLICY_UNREADABLE otherwise. */
export function readPolicyText(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return null;
    throw new MpError('POLICY_UNREADABLE', `could not read policy ${path} — ${code ?? String(e)}`, { hint: 'fix the file permissions' });
  }
}

/**
 * Write a policy file atomically (temp file + rename), after checking the new text parses and matches
 * the schema: mp never leaves a policy that would deny everything because of its own edit.
 */
export function writePolicyFile(path: string, text: string): void {
  parsePolicyText(text, path);
  mkdirSync(dirname(path), { recursive: true });
  writeFileAtomic(path, text);
}
