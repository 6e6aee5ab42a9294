import { lineOfJsonPath } from '../json-line.ts';
import type { ExtraFinding } from '../report.ts';
import { isObject, loadFinding, type PluginContext } from './plugin-context.ts';
import { manifestPaths } from './support/manifest-paths.ts';
import { resolveInside } from './support/plugin-path.ts';

export const RULE = 'load/path-not-found';

/** What the runtime does with a missing path, per field (`claude plugin validate` checks none of them). */
const EFFECT: Record<string, string> = {
  outputStyles: 'the plugin fails to load ("Path not found … (output-styles)")',
  themes: 'the plugin fails to load ("Path not found … (themes)")',
  mcpServers: 'its MCP servers are silently never started',
  lspServers: 'its LSP servers fail to load ("lsp-config-invalid")',
  monitors: 'its monitors fail to load ("component-load-failed")',
};

/**
 * plugin.json paths that `claude plugin validate` does not existence-check but the loader needs.
 * Verified: a missing `outputStyles` path makes `claude plugin list` show `✘ failed to load`, and a
 * missing `mcpServers` file leaves the plugin enabled with no MCP server in `claude mcp list`.
 */
export function manifestPathsExist(ctx: PluginContext): ExtraFinding[] {
  const { root, manifest, manifestFile, fs } = ctx;
  if (!root || !manifest || !manifestFile) return [];
  const experimental = isObject(manifest.experimental) ? manifest.experimental : {};
  const fields: Array<[string, unknown, string[]]> = [
    ['outputStyles', manifest.outputStyles, ['outputStyles']],
    ['themes', experimental.themes ?? manifest.themes, experimental.themes !== undefined ? ['experimental', 'themes'] : ['themes']],
    ['mcpServers', manifest.mcpServers, ['mcpServers']],
    ['lspServers', manifest.lspServers, ['lspServers']],
    ['monitors', experimental.monitors ?? manifest.monitors, experimental.monitors !== undefined ? ['experimental', 'monitors'] : ['monitors']],
  ];
  const out: ExtraFinding[] = [];
  for (const [field, value, at] of fields) {
    for (const p of manifestPaths(field, value)) {
      if (/^[a-z][a-z0-9+.-]*:/i.test(p.value)) continue; // an MCPB URL: fetched, not a file
      const abs = resolveInside(root, p.value);
      if (abs !== null && fs.stat(abs) !== null) continue;
      const pointer = [...at.slice(0, -1), ...p.pointer.map((x, i) => (i === 0 ? at[at.length - 1] : x))];
      out.push(loadFinding({
        rule: RULE, severity: 'error', file: manifestFile, path: `${at.join('.')}${p.label.slice(field.length)}`,
        line: lineOfJsonPath(ctx.manifestText ?? '', pointer),
        message: abs === null
          ? `${p.value} escapes the plugin directory; Claude Code refuses to load it, so ${EFFECT[field]}.`
          : `${p.value} does not exist (${abs}); ${EFFECT[field]}.`,
        hint: 'Paths in plugin.json are relative to the plugin root and must stay inside it.',
      }));
    }
  }
  return out;
}
