import { lineOfJsonPath } from '../json-line.ts';
import type { ExtraFinding } from '../report.ts';
import { loadFinding, type PluginContext } from './plugin-context.ts';

export const RULE = 'load/invalid-plugin-id';

/** Both halves of Claude Code's plugin ID `name@marketplace` must match this. */
const ID_PART = /^[A-Za-z0-9][-A-Za-z0-9._]*$/;

/**
 * Names that pass `claude plugin validate` (anything non-empty without a space) but cannot form a
 * plugin ID. Verified: installing entry `a/b` "succeeds", then `claude plugin list` shows no plugins at
 * all, because `a/b@mkt` in enabledPlugins is rejected. The marketplace name is the other half of the ID.
 */
export function pluginIdsAreValid(ctx: PluginContext): ExtraFinding[] {
  const out: ExtraFinding[] = [];
  const m = ctx.marketplace;
  if (m && m.entry === null && typeof m.json.name === 'string' && m.json.name !== '' && !ID_PART.test(m.json.name)) {
    out.push(bad('marketplace name', m.json.name, m.file, 'name', lineOfJsonPath(m.text, ['name'])));
  }
  if (m && m.entry && m.index !== null && typeof m.entry.name === 'string' && m.entry.name !== '' && !ID_PART.test(m.entry.name)) {
    out.push(bad('plugin name', m.entry.name, m.file, `plugins[${m.index}].name`, lineOfJsonPath(m.text, ['plugins', m.index, 'name'])));
  }
  const name = ctx.manifest?.name;
  // Under a marketplace the entry name is the ID; plugin.json's name still is with --plugin-dir.
  if (ctx.manifestFile && typeof name === 'string' && name !== '' && !name.includes(' ') && !ID_PART.test(name) && name !== m?.entry?.name) {
    out.push(bad('plugin name', name, ctx.manifestFile, 'name', lineOfJsonPath(ctx.manifestText ?? '', ['name'])));
  }
  return out;
}

function bad(what: string, value: string, file: string, path: string, line: number | undefined): ExtraFinding {
  return loadFinding({
    rule: RULE, severity: 'error', file, path, line,
    message: `The ${what} "${value}" cannot be part of a plugin ID (${ID_PART.source} on each side of "@"); Claude Code cannot enable a plugin under it, and once written to enabledPlugins it hides every installed plugin.`,
    hint: 'Use letters, digits, "-", "." and "_" only, starting with a letter or digit (kebab-case is safest).',
  });
}
