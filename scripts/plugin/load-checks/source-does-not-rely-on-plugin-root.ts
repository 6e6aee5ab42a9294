import { join } from 'node:path';
import { lineOfJsonPath } from '../json-line.ts';
import type { ExtraFinding } from '../report.ts';
import { loadFinding, type PluginContext } from './plugin-context.ts';
import { underPluginRoot } from './relative-source-exists.ts';

export const RULE = 'load/plugin-root-ignored';

/**
 * `metadata.pluginRoot` is accepted by the schema but never read by Claude Code 2.1.197: a source
 * that only resolves under it fails to install ("Source path does not exist: <mkt>/x"), and a bare
 * name (`"x"`) is not a valid source at all. Verified with `claude plugin install`.
 */
export function sourceDoesNotRelyOnPluginRoot(ctx: PluginContext): ExtraFinding[] {
  const m = ctx.marketplace;
  if (!m?.entry || m.index === null || ctx.root !== null) return [];
  const source = m.entry.source;
  const meta = m.json.metadata;
  const pluginRoot = typeof meta === 'object' && meta !== null ? (meta as Record<string, unknown>).pluginRoot : undefined;
  if (typeof source !== 'string' || typeof pluginRoot !== 'string') return [];
  const bare = !source.startsWith('./') && source !== '.' && !source.startsWith('/') && !/^[a-z]+:/i.test(source);
  if (!(source.startsWith('./') || bare) || !underPluginRoot(ctx, source)) return [];
  const fixed = `./${join(pluginRoot, source).replace(/\\/g, '/')}`.replace(/^\.\/\.\//, './');
  return [loadFinding({
    rule: RULE, severity: 'error', file: m.file, path: `plugins[${m.index}].source`,
    line: lineOfJsonPath(m.text, ['plugins', m.index, 'source']),
    message: `Source "${source}" only exists under metadata.pluginRoot ("${pluginRoot}"), which Claude Code ignores; installing "${String(m.entry.name)}" fails with "Source path does not exist".`,
    hint: `Write the full path from the marketplace root: "${fixed}".`,
  })];
}
