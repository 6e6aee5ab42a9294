import { join } from 'node:path';
import { lineOfJsonPath } from '../json-line.ts';
import type { ExtraFinding } from '../report.ts';
import { loadFinding, type PluginContext } from './plugin-context.ts';

export const RULE = 'load/source-missing';

/**
 * `claude plugin validate` skips relative sources whose directory is missing; `claude plugin install`
 * then fails with "Source path does not exist". Verified with the real CLI. Sources that only exist
 * under `metadata.pluginRoot` are reported by `sourceDoesNotRelyOnPluginRoot` instead.
 */
export function relativeSourceExists(ctx: PluginContext): ExtraFinding[] {
  const m = ctx.marketplace;
  if (!m?.entry || m.index === null || ctx.root !== null) return [];
  const source = m.entry.source;
  if (typeof source !== 'string' || !(source.startsWith('./') || source === '.')) return [];
  if (source.split(/[\\/]/).includes('..')) return []; // the claude level reports ".." sources
  const abs = join(m.root, source);
  if (underPluginRoot(ctx, source)) return [];
  const st = ctx.fs.stat(abs);
  return [loadFinding({
    rule: RULE, severity: 'error', file: m.file, path: `plugins[${m.index}].source`,
    line: lineOfJsonPath(m.text, ['plugins', m.index, 'source']),
    message: st === null
      ? `Source "${source}" does not exist (resolved from the marketplace root: ${abs}); installing "${String(m.entry.name)}" fails with "Source path does not exist".`
      : `Source "${source}" is not a directory (${abs}); Claude Code cannot install "${String(m.entry.name)}" from it.`,
    hint: 'Relative sources resolve from the directory that contains .claude-plugin/, not from marketplace.json; fix the path or add the plugin directory.',
  })];
}

/** True when the source is missing at the root but present under metadata.pluginRoot (the other rule's case). */
export function underPluginRoot(ctx: PluginContext, source: string): boolean {
  const m = ctx.marketplace;
  const meta = m?.json.metadata;
  const pluginRoot = typeof meta === 'object' && meta !== null ? (meta as Record<string, unknown>).pluginRoot : undefined;
  if (!m || typeof pluginRoot !== 'string' || pluginRoot.split(/[\\/]/).includes('..')) return false;
  return ctx.fs.stat(join(m.root, pluginRoot, source))?.type === 'dir';
}
