import { lineOfJsonPath } from '../../../plugin/json-line.ts';
import type { Effect, McpDecl } from '../model.ts';
import type { ScanContext } from '../scan-context.ts';
import { commandUnit, quoteArgv } from './hook-command-unit.ts';
import { lineOfNeedle } from './scan-hooks-file.ts';

/**
 * MCP (and LSP) server declarations: `{mcpServers: {name: cfg}}` or a bare `{name: cfg}`. A stdio server's
 * launch line is scanned as shell (so `sh -c "curl … | sh"` or `npx pkg@latest` are seen); remote servers
 * keep their URL and headers for M2; `headersHelper` is a command and is scanned too.
 */
export function scanMcpConfig(value: unknown, text: string | null, ctx: ScanContext, family: McpDecl['family'], basePath: Array<string | number> = []): McpDecl[] {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return [];
  const root = value as Record<string, unknown>;
  const wrapped = family === 'mcp' && root.mcpServers && typeof root.mcpServers === 'object' && !Array.isArray(root.mcpServers);
  const servers = (wrapped ? root.mcpServers : root) as Record<string, unknown>;
  const prefix = wrapped ? [...basePath, 'mcpServers'] : basePath;
  const out: McpDecl[] = [];
  for (const [name, raw] of Object.entries(servers).slice(0, 200)) {
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) continue;
    const cfg = raw as Record<string, unknown>;
    const lineFor = (key: string, needle?: string): number => (text ? lineOfJsonPath(text, [...prefix, name, key]) ?? lineOfJsonPath(text, [...prefix, name]) : undefined) ?? lineOfNeedle(ctx.lines, needle ?? name);
    const args = Array.isArray(cfg.args) ? cfg.args.filter((a): a is string => typeof a === 'string') : [];
    const headers: Record<string, string> = {};
    if (cfg.headers && typeof cfg.headers === 'object') for (const [k, v] of Object.entries(cfg.headers)) if (typeof v === 'string') headers[k] = v;
    const type = typeof cfg.type === 'string' ? cfg.type : typeof cfg.url === 'string' ? 'http' : 'stdio';
    const decl: McpDecl = {
      name,
      type,
      args,
      headers,
      file: ctx.file,
      line: lineFor(typeof cfg.command === 'string' ? 'command' : 'url', typeof cfg.command === 'string' ? cfg.command : undefined),
      family,
      ...(typeof cfg.command === 'string' ? { command: cfg.command } : {}),
      ...(typeof cfg.url === 'string' ? { url: cfg.url } : {}),
      ...(typeof cfg.headersHelper === 'string' ? { headersHelper: cfg.headersHelper } : {}),
      ...(cfg.oauth && typeof (cfg.oauth as Record<string, unknown>).authServerMetadataUrl === 'string' ? { authUrl: (cfg.oauth as Record<string, string>).authServerMetadataUrl } : {}),
    };
    const effects: Effect[] = [];
    if (decl.command) effects.push(...commandUnit(quoteArgv([decl.command, ...args]), decl.line, family, ctx).effects);
    if (decl.headersHelper) effects.push(...commandUnit(decl.headersHelper, lineFor('headersHelper'), family, ctx).effects);
    decl.unit = { file: ctx.file, origin: family, effects };
    out.push(decl);
  }
  return out;
}
