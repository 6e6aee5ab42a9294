import { closeSync, lstatSync, openSync, readSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import { parse } from 'yaml';
import type { ComponentInfo } from '../../federation/types.ts';

const MAX_FILES = 2000;
const MAX_DEPTH = 8;
const HEAD_BYTES = 64 * 1024;

/**
 * The commands, skills and agents a plugin tree defines (default layout, spec §3.1, plus paths its
 * plugin.json declares), with the names and descriptions their frontmatter gives, for search and
 * collision checks. Symlinks are never followed (a registry is untrusted input); unreadable files are
 * skipped. Returns the namespace (plugin.json name, else `fallbackName`).
 */
export function readPluginComponents(root: string, fallbackName: string): { namespace: string; components: ComponentInfo[] } {
  const manifest = readManifest(root);
  const namespace = typeof manifest?.name === 'string' && manifest.name ? manifest.name : fallbackName;
  const components: ComponentInfo[] = [];
  const budget = { files: MAX_FILES };
  const add = (kind: ComponentInfo['kind'], file: string, base: string) => {
    const rel = relative(base, file).split(sep);
    const leaf = basename(file, '.md');
    const parts = kind === 'skill' ? [rel.length > 1 ? rel[rel.length - 2] : basename(base)] : [...rel.slice(0, -1), leaf];
    const fm = frontmatter(file);
    const name = kind === 'skill' ? parts[0].replace(/[^A-Za-z0-9_-]/g, '-') : leaf;
    components.push({ kind, id: [namespace, ...parts.map((p) => (kind === 'skill' ? p.replace(/[^A-Za-z0-9_-]/g, '-') : p))].join(':'), name, ...(fm.description ? { description: fm.description } : {}) });
  };
  for (const dir of [join(root, 'commands'), ...declared(root, manifest?.commands)]) walk(dir, (f) => f.endsWith('.md') && add('command', f, dir), budget);
  for (const dir of [join(root, 'agents'), ...declared(root, manifest?.agents)]) walk(dir, (f) => f.endsWith('.md') && add('agent', f, dir), budget);
  for (const dir of [join(root, 'skills'), ...declared(root, manifest?.skills)]) {
    if (isFile(join(dir, 'SKILL.md'))) add('skill', join(dir, 'SKILL.md'), dir);
    else for (const n of list(dir)) if (isFile(join(dir, n, 'SKILL.md'))) add('skill', join(dir, n, 'SKILL.md'), dir);
  }
  const seen = new Set<string>();
  return { namespace, components: components.filter((c) => !seen.has(`${c.kind}:${c.id}`) && seen.add(`${c.kind}:${c.id}`)) };
}

function readManifest(root: string): Record<string, unknown> | undefined {
  try {
    if (lstatSync(join(root, '.claude-plugin', 'plugin.json')).size > 1024 * 1024) return undefined;
    const v = JSON.parse(readFileSync(join(root, '.claude-plugin', 'plugin.json'), 'utf8').replace(/^\uFEFF/, ''));
    return v && typeof v === 'object' && !Array.isArray(v) ? v : undefined;
  } catch {
    return undefined;
  }
}

/** Paths a manifest declares for a component kind (string or array), kept only when inside the plugin. */
function declared(root: string, v: unknown): string[] {
  const list = typeof v === 'string' ? [v] : Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  return list.filter((p) => p.startsWith('./') && !p.split('/').includes('..')).map((p) => join(root, p)).filter((p) => p !== join(root, 'commands') && p !== join(root, 'agents') && p !== join(root, 'skills'));
}

function walk(path: string, visit: (file: string) => void, budget: { files: number }, depth = 0): void {
  let st;
  try {
    st = lstatSync(path);
  } catch {
    return;
  }
  if (st.isFile()) {
    if (budget.files-- > 0) visit(path);
    return;
  }
  if (!st.isDirectory() || depth > MAX_DEPTH) return;
  for (const n of list(path)) walk(join(path, n), visit, budget, depth + 1);
}

function list(dir: string): string[] {
  try {
    return readdirSync(dir).sort();
  } catch {
    return [];
  }
}

function isFile(p: string): boolean {
  try {
    return lstatSync(p).isFile();
  } catch {
    return false;
  }
}

/** name and description from a Markdown file's frontmatter (the first 64 KiB is enough). */
function frontmatter(file: string): { name?: string; description?: string } {
  let text = '';
  try {
    const fd = openSync(file, 'r');
    try {
      const buf = Buffer.alloc(HEAD_BYTES);
      text = buf.subarray(0, readSync(fd, buf, 0, HEAD_BYTES, 0)).toString('utf8');
    } finally {
      closeSync(fd);
    }
  } catch {
    return {};
  }
  const m = text.replace(/^\uFEFF/, '').match(/^---\s*\n([\s\S]*?)---\s*\n?/);
  if (!m) return {};
  let v: unknown;
  try {
    v = parse(m[1].replace(/\r\n/g, '\n'), { maxAliasCount: 10 });
  } catch {
    v = Object.fromEntries([...m[1].matchAll(/^(name|description):\s*(.+)$/gm)].map((x) => [x[1], x[2].trim()]));
  }
  if (!v || typeof v !== 'object') return {};
  const o = v as Record<string, unknown>;
  return {
    ...(typeof o.name === 'string' ? { name: o.name } : {}),
    ...(typeof o.description === 'string' ? { description: o.description.slice(0, 1000) } : {}),
  };
}
