import type { AnalysisNote } from '../types.ts';
import { lineOfJsonPath } from '../../plugin/json-line.ts';
import type { AnalysisModel } from './analysis-model.ts';
import { isEventMap, hooksFromMap } from './config/hooks-from-map.ts';
import { parseJsonLoose } from './config/parse-json-loose.ts';
import { scanHooksFile, lineOfNeedle } from './config/scan-hooks-file.ts';
import { scanMcpConfig } from './config/scan-mcp-config.ts';
import { scanMarkdown } from './markdown/scan-markdown.ts';
import type { MarkdownDecl } from './model.ts';
import { readJson } from './read-json.ts';
import type { ScanContext } from './scan-context.ts';

/** Hooks, MCP/LSP servers and Markdown components, from the default layout and the manifest's fields. */
export function scanComponents(model: AnalysisModel, manifest: Record<string, unknown> | null, ctxFor: (f: string, t: string) => ScanContext, notes: AnalysisNote[]): void {
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
