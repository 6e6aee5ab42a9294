import type { ExtraFinding } from '../report.ts';
import { loadFinding, type PluginContext } from './plugin-context.ts';
import { componentFiles } from './support/component-files.ts';
import { frontmatterKeyLine, parseMarkdown } from './support/frontmatter.ts';
import { readText } from './support/read-json.ts';
import { COMPONENT_BYTE_CAP } from './component-files-fit-size-cap.ts';

export const RULE = 'load/agent-key-ignored';

const IGNORED = ['permissionMode', 'hooks', 'mcpServers'] as const;

/**
 * Plugin agents may not raise their own privileges: Claude Code drops `permissionMode`, `hooks` and
 * `mcpServers` from them. Verified: the session debug log says `Plugin agent file … sets
 * permissionMode, which is ignored for plugin agents`; `claude plugin validate` is silent.
 */
export function pluginAgentsUseSupportedKeys(ctx: PluginContext): ExtraFinding[] {
  const out: ExtraFinding[] = [];
  for (const c of componentFiles(ctx)) {
    if (c.kind !== 'agent') continue;
    const text = readText(ctx.fs, c.file, COMPONENT_BYTE_CAP, ctx.boundary);
    if (text === null) continue;
    const md = parseMarkdown(text);
    for (const key of IGNORED) {
      if (md.data[key] === undefined) continue;
      out.push(loadFinding({
        rule: RULE, severity: 'warning', file: c.file, path: key, line: frontmatterKeyLine(md, key),
        message: `Agent "${c.name}" sets ${key}, which Claude Code ignores for plugin agents; the agent runs without it.`,
        hint: key === 'permissionMode' ? 'Drop the key; users who need it can copy the agent into .claude/agents/.' : `Move ${key} to the plugin (plugin.json "${key}") or drop it from the agent.`,
      }));
    }
  }
  return out;
}
