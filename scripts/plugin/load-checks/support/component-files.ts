import { basename, join, relative } from 'node:path';
import type { FsView } from '../../fs-view.ts';
import { isObject, stringList, type JsonObject, type PluginContext } from '../plugin-context.ts';
import { resolveInside } from './plugin-path.ts';
import { escapes } from './read-json.ts';
import { perContext } from './per-context.ts';

export type ComponentKind = 'command' | 'agent' | 'skill' | 'output-style';

export interface ComponentFile {
  kind: ComponentKind;
  /** Absolute path of the markdown file (SKILL.md for a skill). */
  file: string;
  /** The invocation name inside the plugin: `sub:name` for nested commands, the directory for skills. */
  name: string;
}

/** Nested directories deeper than this are not followed: a guard against hostile trees. */
const MAX_DEPTH = 12;

/**
 * The markdown components Claude Code loads for this plugin (spec §3.1): commands/ and agents/
 * recursively unless plugin.json lists its own, skills/<dir>/SKILL.md plus listed skill dirs, a root
 * SKILL.md when there are no skills otherwise, output-styles/ unless listed. Entry paths are merged.
 */
export const componentFiles: (ctx: PluginContext) => ComponentFile[] = perContext(compute);

function compute(ctx: PluginContext): ComponentFile[] {
  const { root, fs, boundary } = ctx;
  if (!root) return [];
  // A directory or file reached through a symlink that leaves the plugin is not part of what Claude Code
  // installs (the install copy drops such links), and walking it could read anything on the machine.
  const walk = (dir: string, recursive: boolean): string[] => markdownUnder(fs, dir, recursive, boundary);
  const spec = effectiveSpec(ctx);
  const out: ComponentFile[] = [];
  const add = (kind: ComponentKind, base: string, paths: string[]): void => {
    for (const file of paths) out.push({ kind, file, name: nameOf(kind, base, file) });
  };
  const listed = (field: string, fallback: string, kind: ComponentKind): void => {
    const value = spec[field];
    const paths = field === 'commands' && isObject(value)
      ? Object.values(value).flatMap((v) => (isObject(v) && typeof v.source === 'string' ? [v.source] : []))
      : stringList(value);
    if (value === undefined) {
      add(kind, join(root, fallback), walk(join(root, fallback), kind !== 'output-style'));
      return;
    }
    for (const p of paths) {
      const abs = resolveInside(root, p);
      const st = abs && fs.stat(abs);
      if (!abs || !st || escapes(fs, abs, boundary)) continue;
      add(kind, st.type === 'dir' ? abs : join(abs, '..'), st.type === 'dir' ? walk(abs, true) : [abs]);
    }
  };
  listed('commands', 'commands', 'command');
  listed('agents', 'agents', 'agent');
  listed('outputStyles', 'output-styles', 'output-style');
  const skillDirs = [join(root, 'skills'), ...stringList(spec.skills).map((p) => resolveInside(root, p)).filter((p): p is string => p !== null)];
  const seen = new Set<string>();
  for (const dir of skillDirs) {
    const direct = join(dir, 'SKILL.md');
    const files = fs.stat(direct)?.type === 'file' && dir !== join(root, 'skills') ? [direct]
      : fs.readdir(dir).map((d) => join(dir, d, 'SKILL.md')).filter((f) => fs.stat(f)?.type === 'file');
    for (const f of files) if (!seen.has(f)) { seen.add(f); out.push({ kind: 'skill', file: f, name: basename(join(f, '..')) }); }
  }
  if (spec.skills === undefined && fs.stat(join(root, 'skills')) === null && fs.stat(join(root, 'SKILL.md'))?.type === 'file') {
    out.push({ kind: 'skill', file: join(root, 'SKILL.md'), name: basename(root) });
  }
  return out;
}

/** plugin.json's component fields, with a non-strict-conflicting marketplace entry's merged in. */
function effectiveSpec(ctx: PluginContext): JsonObject {
  const base: JsonObject = { ...(ctx.manifest ?? {}) };
  const entry = ctx.marketplace?.entry;
  if (!entry || (entry.strict === false && ctx.manifest)) return base;
  for (const f of ['commands', 'agents', 'skills', 'outputStyles']) {
    if (entry[f] === undefined) continue;
    base[f] = base[f] === undefined || isObject(entry[f]) ? entry[f] : [...stringList(base[f]), ...stringList(entry[f])];
  }
  return base;
}

function markdownUnder(fs: FsView, dir: string, recursive: boolean, boundary: string | null, depth = 0): string[] {
  if (depth > MAX_DEPTH || escapes(fs, dir, boundary)) return [];
  const out: string[] = [];
  for (const name of fs.readdir(dir)) {
    const abs = join(dir, name);
    const st = fs.stat(abs);
    if (st?.type === 'dir' && recursive) out.push(...markdownUnder(fs, abs, true, boundary, depth + 1));
    else if (st?.type === 'file' && name.toLowerCase().endsWith('.md') && !escapes(fs, abs, boundary)) out.push(abs);
  }
  return out;
}

function nameOf(kind: ComponentKind, base: string, file: string): string {
  const rel = relative(base, file).replace(/\\/g, '/').replace(/\.md$/i, '');
  if (kind === 'skill') return basename(join(file, '..'));
  return kind === 'command' ? rel.split('/').join(':') : basename(rel);
}
