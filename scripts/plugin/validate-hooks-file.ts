import { hooksFileSchema } from './schema/hooks.ts';
import { parseJson } from './parse-json.ts';
import { readInside, type ScanContext } from './scan-context.ts';
import { zodIssues } from './zod-issues.ts';
import type { FileBlock } from './report.ts';

/** hooks/hooks.json as `claude plugin validate` checks it: a missing file is fine; the wrapper format is required. */
export function validateHooksFile(abs: string, ctx: ScanContext): FileBlock {
  const block: FileBlock = { kind: 'hooks', file: abs, errors: [], warnings: [] };
  const read = readInside(ctx, abs);
  if (!read.ok) {
    if (read.code !== 'ENOENT' && read.code !== 'OUTSIDE_ROOT') block.errors.push({ path: 'file', message: `Failed to read file: ${read.message}` });
    return block;
  }
  const json = parseJson(read.text);
  if (!json.ok) {
    block.errors.push({ path: 'json', message: `Invalid JSON syntax: ${json.message}. At runtime this breaks the entire plugin load.` });
    return block;
  }
  const parsed = hooksFileSchema().safeParse(json.value);
  if (!parsed.success) block.errors.push(...zodIssues(parsed.error));
  return block;
}
