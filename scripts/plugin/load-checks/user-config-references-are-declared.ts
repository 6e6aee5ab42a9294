import { join } from 'node:path';
import { lineOfJsonPath } from '../json-line.ts';
import type { ExtraFinding } from '../report.ts';
import { isObject, loadFinding, type PluginContext } from './plugin-context.ts';
import { COMPONENT_BYTE_CAP } from './component-files-fit-size-cap.ts';
import { componentFiles } from './support/component-files.ts';
import { hookEntries } from './support/hook-entries.ts';
import { mcpSources } from './support/mcp-servers.ts';
import { readJson, readText } from './support/read-json.ts';
import { stringLeaves } from './support/string-leaves.ts';

export const RULE = 'load/user-config-undeclared';

const REF = /\$\{user_config\.([^}]+)\}/g;

/**
 * `${user_config.KEY}` only resolves for keys declared in plugin.json `userConfig` (or, for an MCP
 * server bound to a channel, that channel's `userConfig`). Verified: a hook using an undeclared key
 * fails with `Plugin option "nokey" isn't set…`, with or without a userConfig block; MCP/LSP configs
 * fail the same way. In skill/agent/command text the placeholder is left as-is, and a sensitive key
 * becomes "[sensitive option … not available in skill content]".
 */
export function userConfigReferencesAreDeclared(ctx: PluginContext): ExtraFinding[] {
  const { root, manifest, fs } = ctx;
  if (!root) return [];
  const options = isObject(manifest?.userConfig) ? manifest.userConfig : {};
  const declared = new Set(Object.keys(options));
  const channelKeys = channelOptionKeys(manifest?.channels);
  const out: ExtraFinding[] = [];
  const report = (file: string, text: string, pointer: Array<string | number>, keys: string[], where: string): void => {
    for (const key of keys) {
      out.push(loadFinding({
        rule: RULE, severity: 'error', file, path: pointer.join('.'), line: lineOfJsonPath(text, pointer),
        message: `${where} uses \${user_config.${key}}, but "${key}" is not declared in plugin.json userConfig, so it never resolves (hooks fail with "Plugin option "${key}" isn't set").`,
        hint: `Declare it: "userConfig": {"${key}": {"type": "string", "title": "…", "description": "…"}}.`,
      }));
    }
  };
  for (const h of hookEntries(ctx)) {
    for (const leaf of stringLeaves({ command: h.hook.command, args: h.hook.args, url: h.hook.url, headers: h.hook.headers })) {
      report(h.file, h.text, [...h.pointer, ...leaf.pointer], undeclared(leaf.value, declared), `${h.event} hook`);
    }
  }
  for (const source of mcpSources(ctx)) {
    for (const server of source.servers) {
      const allowed = new Set([...declared, ...(channelKeys.get(server.name) ?? [])]);
      for (const leaf of stringLeaves(server.config, server.pointer)) report(server.file, server.text, [...leaf.pointer], undeclared(leaf.value, allowed), `MCP server "${server.name}"`);
    }
  }
  const lsp = readJson(fs, join(root, '.lsp.json'), ctx.boundary);
  if (lsp.ok) for (const leaf of stringLeaves(lsp.value)) report(join(root, '.lsp.json'), lsp.text, [...leaf.pointer], undeclared(leaf.value, declared), 'LSP server');
  if (isObject(manifest?.lspServers) && ctx.manifestFile) {
    for (const leaf of stringLeaves(manifest.lspServers, ['lspServers'])) report(ctx.manifestFile, ctx.manifestText ?? '', [...leaf.pointer], undeclared(leaf.value, declared), 'LSP server');
  }
  for (const c of componentFiles(ctx)) {
    if (c.kind === 'output-style') continue;
    const text = readText(fs, c.file, COMPONENT_BYTE_CAP, ctx.boundary);
    if (text === null) continue;
    for (const m of text.matchAll(REF)) {
      const key = m[1];
      const sensitive = isObject(options[key]) && options[key].sensitive === true;
      if (declared.has(key) && !sensitive) continue;
      out.push(loadFinding({
        rule: RULE, severity: 'warning', file: c.file, line: text.slice(0, m.index).split('\n').length,
        message: sensitive
          ? `${c.kind} "${c.name}" uses \${user_config.${key}}, a sensitive option; Claude Code replaces it with "[sensitive option '${key}' not available in skill content]".`
          : `${c.kind} "${c.name}" uses \${user_config.${key}}, but "${key}" is not declared in plugin.json userConfig; the placeholder is left in the text as-is.`,
        hint: sensitive ? 'Pass secrets through an MCP server or hook (env CLAUDE_PLUGIN_OPTION_*), not through prompt text.' : `Declare "${key}" in userConfig or remove the placeholder.`,
      }));
    }
  }
  return out;
}

function undeclared(text: string, declared: Set<string>): string[] {
  return [...text.matchAll(REF)].map((m) => m[1]).filter((k) => !declared.has(k));
}

function channelOptionKeys(channels: unknown): Map<string, string[]> {
  const out = new Map<string, string[]>();
  if (!Array.isArray(channels)) return out;
  for (const c of channels) {
    if (isObject(c) && typeof c.server === 'string' && isObject(c.userConfig)) out.set(c.server, [...(out.get(c.server) ?? []), ...Object.keys(c.userConfig)]);
  }
  return out;
}
