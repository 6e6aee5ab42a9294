import type { AnalysisNote } from '../types.ts';
import type { AnalysisModel } from './analysis-model.ts';
import { classifyFile, type FileLang } from './classify-file.ts';
import { scanPackageJson } from './config/scan-package-json.ts';
import { scanJs } from './js/scan-js.ts';
import type { HookDecl, Unit } from './model.ts';
import type { PluginEntry, PluginFiles } from './plugin-files.ts';
import { scanPython } from './python/scan-python.ts';
import { reachability } from './reachability.ts';
import { readJson } from './read-json.ts';
import type { Budget, ScanContext, Scanners } from './scan-context.ts';
import { scanComponents } from './scan-components.ts';
import { scanShell } from './shell/scan-shell.ts';

export interface Limits {
  maxFileBytes: number;
  maxTotalBytes: number;
  maxEntries: number;
  maxDepth: number;
  maxNodes: number;
}

export const DEFAULT_LIMITS: Limits = { maxFileBytes: 1 << 20, maxTotalBytes: 64 << 20, maxEntries: 20000, maxDepth: 32, maxNodes: 2_000_000 };
const SKIP_DIRS = new Set(['.git', 'node_modules', '.venv', 'venv', '__pycache__', '.tox', '.mypy_cache']);

const scanners: Scanners = {
  shell: scanShell,
  js: (src, ctx) => scanJs(src, ctx, false),
  python: scanPython,
};

/**
 * Read the plugin through the port and run every front-end: code files, hooks (hooks/hooks.json, the
 * manifest's inline or extra hooks, skill frontmatter), MCP/LSP servers, package.json scripts and the
 * Markdown components. Never throws: unreadable, oversized, binary or malformed inputs become notes.
 */
export function buildModel(files: PluginFiles, limits: Limits, expired: () => boolean): { model: AnalysisModel; notes: AnalysisNote[]; skipped: number } {
  const notes: AnalysisNote[] = [];
  const budget: Budget = { nodes: limits.maxNodes, expired, notes };
  const listing = files.list({ maxEntries: limits.maxEntries, maxDepth: limits.maxDepth, skipDirs: SKIP_DIRS });
  if (listing.truncated === 'entries') notes.push({ code: 'TREE_TOO_MANY_FILES', message: `the plugin has more than ${limits.maxEntries} entries; the rest were not analysed` });
  if (listing.truncated === 'depth') notes.push({ code: 'TREE_TOO_DEEP', message: `directories deeper than ${limits.maxDepth} levels were not analysed` });
  for (const e of listing.errors.slice(0, 20)) notes.push({ code: 'DIR_UNREADABLE', message: `could not list ${e}` });
  const entries = new Map<string, PluginEntry>(listing.entries.map((e) => [e.path, e]));
  for (const e of listing.entries) if (e.type === 'dir' && SKIP_DIRS.has(e.path.split('/').pop()!) && e.path.split('/').pop() !== '__pycache__') notes.push({ code: 'DIR_SKIPPED', file: e.path, message: `${e.path}/ was not analysed (vendored or generated code)` });

  const model: AnalysisModel = {
    entries, fileUnits: new Map(), hooks: [], mcps: [], markdown: [], prose: [], packages: [], binaries: [], texts: new Map(), reached: new Map(), hookScripts: new Map(),
    allUnits() {
      return [...this.fileUnits.values(), ...this.hooks.flatMap((h) => (h.unit ? [h.unit] : [])), ...this.mcps.flatMap((m) => (m.unit ? [m.unit] : [])), ...this.markdown.flatMap((d) => d.injections.map((i) => i.unit)), ...this.packages.flatMap((p) => p.scripts.map((s) => s.unit))];
    },
  };
  const ctxFor = (file: string, text: string): ScanContext => ({ file, lines: text.split('\n'), line0: 1, fixedLine: false, via: [], depth: 0, selfDir: dirOf(file), scanners, budget, prose: model.prose });

  let total = 0;
  let skipped = 0;
  const langs = new Map<string, FileLang>();
  for (const e of listing.entries) {
    if (e.type === 'symlink') {
      if (/^\/|(^|\/)\.\.(\/|$)/.test(e.target ?? '') && escapes(e.path, e.target ?? '')) notes.push({ code: 'SYMLINK_OUTSIDE', file: e.path, message: `${e.path} links outside the plugin (${(e.target ?? '').slice(0, 80)}); not followed` });
      continue;
    }
    if (e.type !== 'file') continue;
    if (expired()) {
      notes.push({ code: 'ANALYSIS_TIMEOUT', message: 'the time budget ran out; remaining files were not analysed' });
      break;
    }
    if (total >= limits.maxTotalBytes) {
      skipped++;
      continue;
    }
    const r = files.read(e.path, limits.maxFileBytes);
    if (!r.ok) {
      skipped++;
      notes.push({ code: 'FILE_UNREADABLE', file: e.path, message: `could not read ${e.path} (${r.code})` });
      continue;
    }
    total += r.bytes.length;
    const cls = classifyFile(e.path, r.bytes);
    if (cls.kind === 'binary') {
      if (cls.executable) model.binaries.push({ file: e.path, what: cls.executable });
      continue;
    }
    if (r.truncated) {
      skipped++;
      notes.push({ code: 'FILE_TOO_LARGE', file: e.path, message: `${e.path} is larger than ${limits.maxFileBytes} bytes and was skipped` });
      continue;
    }
    model.texts.set(e.path, cls.text);
    langs.set(e.path, cls.lang);
  }
  if (total >= limits.maxTotalBytes) notes.push({ code: 'TREE_TOO_LARGE', message: `more than ${limits.maxTotalBytes} bytes of files; ${skipped} files were not read` });

  for (const [path, lang] of langs) {
    if (expired()) break;
    const text = model.texts.get(path)!;
    const ctx = ctxFor(path, text);
    const origin: Unit['origin'] = 'file';
    if (lang === 'shell') model.fileUnits.set(path, { file: path, origin, effects: scanShell(text, ctx) });
    else if (lang === 'js' || lang === 'ts') model.fileUnits.set(path, { file: path, origin, effects: scanJs(text, ctx, lang === 'ts') });
    else if (lang === 'python') model.fileUnits.set(path, { file: path, origin, effects: scanPython(text, ctx) });
  }

  const manifest = readJson(model, '.claude-plugin/plugin.json', notes);
  scanComponents(model, manifest, ctxFor, notes);
  for (const [path] of langs) {
    if (path.split('/').pop() === 'package.json') {
      const text = model.texts.get(path)!;
      model.packages.push({ file: path, scripts: scanPackageJson(text, ctxFor(path, text)) });
    }
  }
  reachability(model);
  return { model, notes, skipped };
}

function dirOf(p: string): string {
  const i = p.lastIndexOf('/');
  return i < 0 ? '' : p.slice(0, i);
}

function escapes(linkPath: string, target: string): boolean {
  if (target.startsWith('/')) return true;
  const parts = dirOf(linkPath).split('/').filter(Boolean);
  for (const seg of target.split('/')) {
    if (seg === '..') {
      if (parts.length === 0) return true;
      parts.pop();
    } else if (seg && seg !== '.') parts.push(seg);
  }
  return false;
}

export type { HookDecl };
