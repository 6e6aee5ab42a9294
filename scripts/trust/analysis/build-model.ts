import type { AnalysisNote } from '../types.ts';
import type { AnalysisModel } from './analysis-model.ts';
import { classifyFile, type FileLang } from './classify-file.ts';
import { isEventMap, hooksFromMap } from './config/hooks-from-map.ts';
import { parseJsonLoose } from './config/parse-json-loose.ts';
import { scanHooksFile, lineOfNeedle } from './config/scan-hooks-file.ts';
import { scanMcpConfig } from './config/scan-mcp-config.ts';
import { scanPackageJson } from './config/scan-package-json.ts';
import { scanJs } from './js/scan-js.ts';
import { scanMarkdown } from './markdown/scan-markdown.ts';
import type { HookDecl, MarkdownDecl, Unit } from './model.ts';
import type { PluginEntry, PluginFiles } from './plugin-files.ts';
import { scanPython } from './python/scan-python.ts';
import { reachability } from './reachability.ts';
import type { Budget, ScanContext, Scanners } from './scan-context.ts';
import { scanShell } from './shell/scan-shell.ts';
import { lineOfJsonPath } from '../../plugin/json-line.ts';

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
  components(model, manifest, ctxFor, notes);
  for (const [path] of langs) {
    if (path.split('/').pop() === 'package.json') {
      const text = model.texts.get(path)!;
      model.packages.push({ file: path, scripts: scanPackageJson(text, ctxFor(path, text)) });
    }
  }
  reachability(model);
  return { model, notes, skipped };
}

/** Hooks, MCP/LSP servers and Markdown components, from the default layout and the manifest's fields. */
function components(model: AnalysisModel, manifest: Record<string, unknown> | null, ctxFor: (f: string, t: string) => ScanContext, notes: AnalysisNote[]): void {
  const hookFiles = new Set(['hooks/hooks.json', ...pathsOf(manifest?.hooks)]);
  for (const f of hookFiles) {
    const text = model.texts.get(f);
    if (text === undefined) continue;
    const r = scanHooksFile(text, ctxFor(f, text));
    if (r.error) notes.push({ code: 'HOOKS_INVALID_JSON', file: f, message: `${f} is not valid JSON (${r.error}); its commands could not be analysed` });
    else if (!r.standard) notes.push({ code: 'HOOKS_NOT_LOADED', file: f, message: `${f} is not in the shape Claude Code loads ({"hooks": {"<Event>": [{"matcher", "hooks": [...]}]}}): its hooks never run as shipped; their commands and scripts were analysed anyway` });
    model.hooks.push(...r.hooks);
  }
  const mText = model.texts.get('.claude-plugin/plugin.json') ?? '';
  const mCtx = ctxFor('.claude-plugin/plugin.json', mText);
  const jsonLine = (path: Array<string | number>, needle?: string): number => lineOfJsonPath(mText, path) ?? lineOfNeedle(mCtx.lines, needle);
  if (manifest?.hooks && typeof manifest.hooks === 'object' && !Array.isArray(manifest.hooks)) {
    const inline = hooksFromMap(manifest.hooks, mCtx.file, jsonLine, mCtx, isEventMap(manifest.hooks), ['hooks']);
    if (inline.length && !isEventMap(manifest.hooks)) notes.push({ code: 'HOOKS_NOT_LOADED', file: mCtx.file, message: 'plugin.json "hooks" is not the bare event map Claude Code loads inline: those hooks never run as shipped; their commands and scripts were analysed anyway' });
    model.hooks.push(...inline);
  }
  const settings = readJson(model, 'settings.json', notes);
  if (settings) {
    const sText = model.texts.get('settings.json')!;
    const sCtx = ctxFor('settings.json', sText);
    if (settings.hooks) model.hooks.push(...hooksFromMap(settings.hooks, 'settings.json', (p, n) => lineOfJsonPath(sText, p) ?? lineOfNeedle(sCtx.lines, n), sCtx, isEventMap(settings.hooks), ['hooks']));
    const status = (settings.statusLine as Record<string, unknown> | undefined)?.command;
    if (typeof status === 'string') model.hooks.push(...hooksFromMap({ event: 'statusLine', command: status }, 'settings.json', (_p, n) => lineOfNeedle(sCtx.lines, n), sCtx, false));
  }

  for (const [family, key, file] of [['mcp', 'mcpServers', '.mcp.json'], ['lsp', 'lspServers', '.lsp.json']] as const) {
    const sources = new Set([file, ...pathsOf(manifest?.[key])]);
    for (const f of sources) {
      const text = model.texts.get(f);
      if (text === undefined) continue;
      const parsed = parseJsonLoose(text);
      if (!parsed.ok) notes.push({ code: 'MCP_INVALID_JSON', file: f, message: `${f} is not valid JSON (${parsed.message}); its servers could not be analysed` });
      else model.mcps.push(...scanMcpConfig(parsed.value, text, ctxFor(f, text), family));
    }
    const inline = manifest?.[key];
    if (inline && typeof inline === 'object' && !Array.isArray(inline)) model.mcps.push(...scanMcpConfig(inline, mText, mCtx, family, [key]));
  }

  const extra = (k: string): string[] => pathsOf(manifest?.[k]);
  for (const [path, text] of model.texts) {
    const kind = markdownKind(path, extra);
    if (!kind) continue;
    const scan = scanMarkdown(text, kind, ctxFor(path, text));
    model.markdown.push(scan.decl);
    model.prose.push(...scan.prose);
    model.hooks.push(...scan.hooks);
  }
}

function markdownKind(path: string, extra: (k: string) => string[]): MarkdownDecl['kind'] | null {
  if (!/\.(md|mdx|markdown)$/i.test(path)) return null;
  const under = (dirs: string[]): boolean => dirs.some((d) => path === d || path.startsWith(`${d.replace(/\/$/, '')}/`));
  if (under(['commands', ...extra('commands')])) return 'command';
  if (under(['agents', ...extra('agents')])) return 'agent';
  if (/(^|\/)SKILL\.md$/.test(path) && (under(['skills', ...extra('skills')]) || path === 'SKILL.md')) return 'skill';
  if (under(['skills', ...extra('skills')])) return 'reference';
  if (under(['output-styles', ...extra('outputStyles')])) return 'output-style';
  return null;
}

/** A manifest path field (string or string[]) as plugin-relative paths. */
function pathsOf(v: unknown): string[] {
  const list = typeof v === 'string' ? [v] : Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  return list.map((p) => p.replace(/^\$\{CLAUDE_PLUGIN_ROOT\}\/?/, '').replace(/^\.\//, '').replace(/\/+$/, '')).filter((p) => p && !p.startsWith('..') && !p.startsWith('/'));
}

function readJson(model: AnalysisModel, path: string, notes: AnalysisNote[]): Record<string, unknown> | null {
  const text = model.texts.get(path);
  if (text === undefined) return null;
  const r = parseJsonLoose(text);
  if (!r.ok) {
    notes.push({ code: 'MANIFEST_INVALID_JSON', file: path, message: `${path} is not valid JSON (${r.message})` });
    return null;
  }
  return r.value && typeof r.value === 'object' && !Array.isArray(r.value) ? (r.value as Record<string, unknown>) : null;
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
