import { join } from 'node:path';
import { lineOfJsonPath } from '../json-line.ts';
import type { ExtraFinding } from '../report.ts';
import { hooksFileSchema } from '../schema/hooks.ts';
import { loadFinding, type PluginContext } from './plugin-context.ts';
import { explainIssue } from './support/explain-issue.ts';
import { manifestPaths } from './support/manifest-paths.ts';
import { resolveInside } from './support/plugin-path.ts';
import { readJson } from './support/read-json.ts';

export const RULE = 'load/extra-hooks-file-invalid';

/**
 * Hook files listed in plugin.json `hooks` (besides hooks/hooks.json) use the wrapper format
 * `{"hooks": {<Event>: […]}}`, but `claude plugin validate` does not read them. Verified: a bare event
 * map or broken JSON there makes `claude plugin list` show `✘ failed to load` / `Hook load failed: …`.
 */
export function extraHookFilesAreValid(ctx: PluginContext): ExtraFinding[] {
  const { root, manifest, fs } = ctx;
  if (!root || !manifest) return [];
  const standard = fs.realpath(join(root, 'hooks', 'hooks.json'));
  const out: ExtraFinding[] = [];
  const done = new Set<string>();
  for (const p of manifestPaths('hooks', manifest.hooks)) {
    const abs = resolveInside(root, p.value);
    if (!abs || done.has(abs) || (standard !== null && fs.realpath(abs) === standard)) continue;
    done.add(abs);
    const read = readJson(fs, abs, ctx.boundary);
    if (!read.ok) {
      if (read.reason !== 'missing' && read.reason !== 'outside') {
        out.push(loadFinding({ rule: RULE, severity: 'error', file: abs, message: `${read.reason === 'invalid-json' ? `Invalid JSON syntax: ${read.message}` : read.message}; Claude Code fails to load the plugin ("Hook load failed").` }));
      }
      continue;
    }
    const r = hooksFileSchema().safeParse(read.value);
    if (r.success) continue;
    const issue = r.error.issues[0];
    const bare = typeof read.value === 'object' && read.value !== null && !('hooks' in read.value);
    out.push(loadFinding({
      rule: RULE, severity: 'error', file: abs, path: issue?.path.map(String).join('.') || 'root',
      line: issue ? lineOfJsonPath(read.text, issue.path as Array<string | number>) : undefined,
      message: `${bare ? 'Missing the {"hooks": {…}} wrapper' : explainIssue(r.error)}; Claude Code fails to load the plugin ("Hook load failed").`,
      hint: 'Extra hook files use the same format as hooks/hooks.json: {"hooks": {"PostToolUse": [{"matcher": "…", "hooks": [{"type": "command", "command": "…"}]}]}}.',
    }));
  }
  return out;
}
