import { join } from 'node:path';
import { lineOfJsonPath } from '../json-line.ts';
import type { ExtraFinding } from '../report.ts';
import { isObject, loadFinding, stringList, type PluginContext } from './plugin-context.ts';
import { resolveInside, isWithin } from './support/plugin-path.ts';

export const RULE = 'load/folder-shadowed';

/** Manifest fields that replace (not add to) a default folder. */
const FIELDS: Array<[field: string, folder: string]> = [
  ['commands', 'commands'], ['agents', 'agents'], ['outputStyles', 'output-styles'], ['themes', 'themes'], ['workflows', 'workflows'],
];

/**
 * Setting `commands`, `agents`, `outputStyles`, `themes` or `workflows` in plugin.json turns off
 * auto-loading of the matching folder; files left there are dead unless a listed path points into it.
 * Verified: `claude plugin list` notes `Default commands/ folder is ignored because the manifest sets "commands"`.
 */
export function defaultFoldersAreNotShadowed(ctx: PluginContext): ExtraFinding[] {
  const { root, manifest, manifestFile, fs } = ctx;
  if (!root || !manifest || !manifestFile) return [];
  const experimental = isObject(manifest.experimental) ? manifest.experimental : {};
  const out: ExtraFinding[] = [];
  for (const [field, folder] of FIELDS) {
    const value = field === 'themes' ? experimental.themes ?? manifest.themes : manifest[field];
    if (!value) continue;
    const dir = join(root, folder);
    if (fs.stat(dir)?.type !== 'dir' || fs.readdir(dir).length === 0) continue;
    const paths = field === 'commands' && isObject(value)
      ? Object.values(value).flatMap((v) => (isObject(v) && typeof v.source === 'string' ? [v.source] : []))
      : stringList(value);
    // A value the schema rejects fails the whole manifest: the claude level reports that instead.
    if (!paths.some((p) => p.startsWith('./'))) continue;
    if (paths.some((p) => { const abs = resolveInside(root, p); return abs !== null && isWithin(dir, abs); })) continue;
    out.push(loadFinding({
      rule: RULE, severity: 'warning', file: manifestFile, path: field,
      line: lineOfJsonPath(ctx.manifestText ?? '', [field]),
      message: `plugin.json sets "${field}", so Claude Code does not auto-load the ${folder}/ folder; the files in it are never loaded.`,
      hint: `List the ${folder}/ files in "${field}" too, or remove the field to auto-load the folder.`,
    }));
  }
  return out;
}
