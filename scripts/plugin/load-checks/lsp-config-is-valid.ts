import { join } from 'node:path';
import { lineOfJsonPath } from '../json-line.ts';
import type { ExtraFinding } from '../report.ts';
import { lspServerSchema } from '../schema/lsp-server.ts';
import { isObject, loadFinding, type PluginContext } from './plugin-context.ts';
import { explainIssue } from './support/explain-issue.ts';
import { manifestPaths } from './support/manifest-paths.ts';
import { resolveInside } from './support/plugin-path.ts';
import { readJson } from './support/read-json.ts';

export const RULE = 'load/lsp-config-invalid';

/**
 * `.lsp.json` and LSP files named in plugin.json are parsed at load time as a map of strict LSP
 * server configs; a file that fails gives an "lsp-config-invalid" plugin error and no servers
 * [bundle: loadPluginLspServers]. `claude plugin validate` reads neither (only inline lspServers).
 */
export function lspConfigIsValid(ctx: PluginContext): ExtraFinding[] {
  const { root, fs } = ctx;
  if (!root) return [];
  const files = [join(root, '.lsp.json'), ...manifestPaths('lspServers', ctx.manifest?.lspServers).map((p) => resolveInside(root, p.value)).filter((p): p is string => p !== null)];
  const out: ExtraFinding[] = [];
  for (const file of new Set(files)) {
    const read = readJson(fs, file, ctx.boundary);
    if (!read.ok && (read.reason === 'missing' || read.reason === 'outside')) continue; // manifestPathsExist, symlinksStayInside
    if (!read.ok) {
      out.push(loadFinding({ rule: RULE, severity: 'error', file, message: `${read.reason === 'invalid-json' ? `Invalid JSON syntax: ${read.message}` : read.message}; Claude Code loads none of its LSP servers.` }));
      continue;
    }
    if (!isObject(read.value)) {
      out.push(loadFinding({ rule: RULE, severity: 'error', file, path: 'root', message: 'An LSP config file must be an object mapping server names to configs; Claude Code loads none.' }));
      continue;
    }
    for (const [name, config] of Object.entries(read.value)) {
      const r = lspServerSchema().safeParse(config);
      if (r.success) continue;
      out.push(loadFinding({
        rule: RULE, severity: 'error', file, path: name, line: lineOfJsonPath(read.text, [name]),
        message: `LSP server "${name}" is invalid (${explainIssue(r.error)}); Claude Code rejects the whole file ("lsp-config-invalid") and loads none of its servers.`,
        hint: 'Each server needs "command" (no spaces; put arguments in "args") and a non-empty "extensionToLanguage" map; unknown keys are errors.',
      }));
    }
  }
  return out;
}
