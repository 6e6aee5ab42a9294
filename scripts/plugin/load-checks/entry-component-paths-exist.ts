import { lineOfJsonPath } from '../json-line.ts';
import type { ExtraFinding } from '../report.ts';
import { isObject, loadFinding, type PluginContext } from './plugin-context.ts';
import { manifestPaths, type ManifestPath } from './support/manifest-paths.ts';
import { resolveInside } from './support/plugin-path.ts';

export const RULE = 'load/entry-path-missing';

const FIELDS = ['commands', 'agents', 'skills', 'outputStyles', 'themes'] as const;

/**
 * Component paths declared in a marketplace entry are resolved inside the plugin directory at load
 * time, but `claude plugin validate` never checks them. Verified: an entry with
 * `"commands": ["./nope.md"]` validates clean, then `claude plugin list` shows
 * `Error: Path not found: …/nope.md (commands)` and the plugin fails to load.
 */
export function entryComponentPathsExist(ctx: PluginContext): ExtraFinding[] {
  const m = ctx.marketplace;
  if (!m?.entry || m.index === null || !ctx.root) return [];
  if (m.entry.strict === false && ctx.manifest) return []; // conflict: reported by strictFalseHasNoConflict
  const out: ExtraFinding[] = [];
  for (const field of FIELDS) {
    for (const p of entryPaths(field, m.entry[field])) {
      const abs = resolveInside(ctx.root, p.value);
      if (abs === null) continue; // ".." is a schema-level error
      const st = ctx.fs.stat(abs);
      const wantsDir = field === 'skills';
      const problem = st === null ? 'does not exist' : wantsDir && st.type !== 'dir' ? 'is not a directory (skills entries must be directories containing SKILL.md)' : null;
      if (!problem) continue;
      out.push(loadFinding({
        rule: RULE, severity: 'error', file: m.file, path: `plugins[${m.index}].${p.label}`,
        line: lineOfJsonPath(m.text, ['plugins', m.index, ...p.pointer]),
        message: `${p.value} ${problem} in the plugin directory (${abs}); Claude Code fails to load "${String(m.entry.name)}" with "Path not found".`,
        hint: 'Entry component paths resolve from the plugin\'s source directory; fix the path or remove it.',
      }));
    }
  }
  return out;
}

function entryPaths(field: string, value: unknown): ManifestPath[] {
  if (field !== 'commands' || !isObject(value)) return manifestPaths(field, value);
  return Object.entries(value).flatMap(([name, spec]) =>
    isObject(spec) && typeof spec.source === 'string' ? [{ value: spec.source, label: `commands.${name}.source`, pointer: ['commands', name, 'source'] }] : []);
}
