import type { ExtraFinding } from '../report.ts';
import { lintFinding, type PluginContext } from '../load-checks/plugin-context.ts';
import { frontmatterKeyLine } from '../load-checks/support/frontmatter.ts';
import { osaDistance } from '../osa-distance.ts';
import { componentTexts } from './component-texts.ts';

export const RULE = 'lint/unknown-frontmatter-key';

/** Every frontmatter key Claude Code 2.1.197 reads in skills, commands, agents and output styles [bundle]. */
export const KNOWN_KEYS: readonly string[] = [
  'name', 'description', 'model', 'allowed-tools', 'argument-hint', 'arguments', 'disable-model-invocation', 'user-invocable',
  'effort', 'shell', 'version', 'when_to_use', 'paths', 'hooks', 'context', 'agent', 'created_by', 'improved_by', 'mcpServers',
  'lspServers', 'agents', 'outputStyles', 'themes', 'workflows', 'channels', 'monitors', 'settings', 'experimental', 'commands',
  'skills', 'dependencies', 'userConfig', 'metadata', 'displayName', 'defaultEnabled', 'fallback', 'evals', 'author', 'homepage',
  'repository', 'license', 'keywords', 'compatibility', 'tools', 'disallowedTools', 'disallowed-tools', 'color', 'permissionMode',
  'maxTurns', 'initialPrompt', 'memory', 'background', 'isolation', 'keep-coding-instructions', 'force-for-plugin', 'type',
  'originSessionId', 'hide-from-slash-command-tool',
];

/** A key Claude Code does not read is silently dropped; a typo (`descripton`) loses the setting. */
export function frontmatterKeysAreKnown(ctx: PluginContext): ExtraFinding[] {
  const out: ExtraFinding[] = [];
  for (const c of componentTexts(ctx)) {
    for (const key of Object.keys(c.data)) {
      if (KNOWN_KEYS.includes(key)) continue;
      const near = suggestion(key);
      out.push(lintFinding({
        rule: RULE, severity: near ? 'warning' : 'note', file: c.file, path: key, line: frontmatterKeyLine(c.md, key),
        message: `Frontmatter key "${key}" is not read by Claude Code${near ? `; did you mean "${near}"?` : ' and has no effect.'}`,
        hint: near ? `Rename it to "${near}".` : undefined,
      }));
    }
  }
  return out;
}

function suggestion(key: string): string | undefined {
  let best: string | undefined;
  let bestD = key.length <= 3 ? 1 : 2;
  for (const k of KNOWN_KEYS) {
    if (k.toLowerCase() === key.toLowerCase() || k.replace(/[-_]/g, '').toLowerCase() === key.replace(/[-_]/g, '').toLowerCase()) return k;
    const d = osaDistance(key, k);
    if (d <= bestD) { bestD = d - 1; best = k; }
  }
  return best;
}
