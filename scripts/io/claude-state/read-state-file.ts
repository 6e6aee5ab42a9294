import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import { MpError, truncate } from '../../core/errors.ts';

const MAX_BYTES = 64 * 1024 * 1024;

/**
 * Read one of Claude Code's JSON state files and check its shape. A missing file is `undefined` (a fresh
 * HOME has none); anything else that is wrong is a coded error, never a crash:
 * CLAUDE_STATE_UNREADABLE (permissions, too large), CLAUDE_STATE_INVALID (not JSON, wrong shape).
 * A UTF-8 BOM is tolerated, as Claude tolerates it.
 */
export function readStateFile<S extends z.ZodType>(path: string, schema: S): z.infer<S> | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw new MpError('CLAUDE_STATE_UNREADABLE', `could not read ${path} — ${code ?? String(e)}`, { hint: 'check the permissions of your Claude Code directory' });
  }
  if (bytes.length > MAX_BYTES) throw new MpError('CLAUDE_STATE_UNREADABLE', `could not read ${path} — ${bytes.length} bytes is larger than ${MAX_BYTES}`, { hint: 'this is not a file Claude Code wrote' });
  let value: unknown;
  try {
    value = JSON.parse(bytes.toString('utf8').replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new MpError('CLAUDE_STATE_INVALID', `could not parse ${path} — ${truncate(e instanceof Error ? e.message : String(e))}`, { hint: 'fix or remove the file (Claude Code rewrites it on the next plugin command)' });
  }
  const r = schema.safeParse(value);
  if (!r.success) {
    const issue = r.error.issues[0];
    const where = issue?.path.length ? issue.path.join('.') : '(root)';
    throw new MpError('CLAUDE_STATE_INVALID', `${path} is not in the format Claude Code 2.1.197 writes — ${truncate(`${where}: ${issue?.message ?? 'invalid'}`)}`, {
      hint: 'was it edited by hand or written by another Claude Code version? run a `claude plugin` command to let Claude rewrite it',
    });
  }
  return r.data;
}
