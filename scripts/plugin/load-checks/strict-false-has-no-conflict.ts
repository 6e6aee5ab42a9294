import { lineOfJsonPath } from '../json-line.ts';
import type { ExtraFinding } from '../report.ts';
import { loadFinding, type PluginContext } from './plugin-context.ts';

export const RULE = 'load/strict-false-conflict';

const COMPONENT_FIELDS = ['commands', 'agents', 'skills', 'hooks', 'outputStyles', 'themes'] as const;

/**
 * `strict: false` means "the entry is the manifest". When the plugin also ships a plugin.json and the
 * entry declares any component field, Claude Code refuses to load it ("has conflicting manifests"),
 * whether or not plugin.json declares components itself. Verified with `claude plugin list`.
 */
export function strictFalseHasNoConflict(ctx: PluginContext): ExtraFinding[] {
  const m = ctx.marketplace;
  if (!m?.entry || m.index === null || m.entry.strict !== false || !ctx.manifest) return [];
  const entry = m.entry;
  const experimentalThemes = typeof entry.experimental === 'object' && entry.experimental !== null && (entry.experimental as Record<string, unknown>).themes;
  const fields = COMPONENT_FIELDS.filter((f) => Boolean(entry[f]));
  if (experimentalThemes) fields.push('themes');
  if (fields.length === 0) return [];
  return [loadFinding({
    rule: RULE, severity: 'error', file: m.file, path: `plugins[${m.index}].strict`,
    line: lineOfJsonPath(m.text, ['plugins', m.index, 'strict']),
    message: `Entry "${String(entry.name)}" sets strict: false and declares ${fields.join(', ')}, but the plugin also has a plugin.json; Claude Code fails to load it ("conflicting manifests").`,
    hint: 'Remove "strict": false (entry components are then merged into plugin.json), or move the component fields into plugin.json.',
  })];
}
