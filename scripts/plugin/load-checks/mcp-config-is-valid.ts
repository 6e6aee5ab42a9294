import { lineOfJsonPath } from '../json-line.ts';
import type { ExtraFinding } from '../report.ts';
import { mcpServerSchema } from '../schema/mcp-server.ts';
import { isObject, loadFinding, type PluginContext } from './plugin-context.ts';
import { explainIssue } from './support/explain-issue.ts';
import { mcpSources } from './support/mcp-servers.ts';

export const RULE = 'load/mcp-config-invalid';

/**
 * `.mcp.json` and MCP files named in plugin.json are not read by `claude plugin validate` ("even
 * invalid JSON passes"). At load time a file that does not parse gives no servers, and each server
 * config that fails Claude Code's schema is dropped. Verified: bad JSON, `command: ""`, `args: [1]`
 * and an http server without `url` each log "Invalid MCP server config…" / "Failed to load MCP
 * servers…" and the server is absent from `claude mcp list`; an http server with `"url": ""` is listed
 * but logs "has an invalid MCP url" and never connects. Inline plugin.json servers are schema-checked
 * by the claude level already.
 */
export function mcpConfigIsValid(ctx: PluginContext): ExtraFinding[] {
  const out: ExtraFinding[] = [];
  for (const source of mcpSources(ctx)) {
    if (!source.read) continue; // inline: the claude level validates it
    const read = source.read;
    if (!read.ok) {
      out.push(loadFinding({
        rule: RULE, severity: 'error', file: source.file,
        message: `${read.reason === 'invalid-json' ? `Invalid JSON syntax: ${read.message}` : `Cannot read the file (${read.message})`}; Claude Code loads none of its MCP servers.`,
        hint: 'Fix the JSON: no comments, no trailing commas, no BOM.',
      }));
      continue;
    }
    const map = source.at.length ? (read.value as Record<string, unknown>).mcpServers : read.value;
    if (!isObject(map)) {
      out.push(loadFinding({
        rule: RULE, severity: 'error', file: source.file, path: source.at.join('.') || 'root', line: lineOfJsonPath(read.text, source.at),
        message: 'MCP servers must be an object mapping server names to configs ({"mcpServers": {"name": {…}}} or {"name": {…}}); Claude Code loads none.',
      }));
      continue;
    }
    for (const server of source.servers) {
      const bad = serverProblem(server.config);
      if (!bad) continue;
      out.push(loadFinding({
        rule: RULE, severity: 'error', file: source.file, path: server.pointer.join('.'), line: lineOfJsonPath(read.text, server.pointer),
        message: `MCP server "${server.name}" is invalid (${bad.problem}); ${bad.effect}.`,
        hint: 'stdio servers need a non-empty "command" (and "args" as strings); http, sse and ws servers need a "url".',
      }));
    }
  }
  return out;
}

function serverProblem(config: unknown): { problem: string; effect: string } | null {
  const r = mcpServerSchema().safeParse(config);
  if (!r.success) return { problem: explainIssue(r.error), effect: 'Claude Code drops it at load time' };
  const url = isObject(config) && ['sse', 'http', 'streamable-http', 'ws'].includes(String(config.type)) ? config.url : undefined;
  // Claude Code checks the URL after substituting variables; a literal one we can check now.
  if (typeof url === 'string' && !url.includes('${') && !URL.canParse(url)) {
    return { problem: `url: "${url}" is not a valid URL`, effect: 'Claude Code reports "has an invalid MCP url" (mcp-config-invalid) and the server never connects' };
  }
  return null;
}
