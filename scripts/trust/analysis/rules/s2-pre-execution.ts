import type { RawFinding, Rule } from '../analysis-model.ts';

const ARGS = /\$ARGUMENTS|\$\{?\d\}?|\$\{?[a-z_][a-z0-9_]*\}?/;
const WIDE = /^(Bash|Bash\(\s*\*?\s*(:\s*\*)?\s*\)|\*)$/;
const QUIET = /^\s*(git (status|diff|log|branch|show|rev-parse|remote -v)\b[^;&|`$]*|ls\b[^;&|`$]*|pwd|date|whoami|node "?\$\{CLAUDE_PLUGIN_ROOT\}[^;&|`]*|cat "?\$\{CLAUDE_PLUGIN_ROOT\}[^;&|`$]*)\s*$/;

/**
 * S2: `!` shell pre-execution in a command or skill runs before Claude sees the prompt, through the Bash
 * permission check. Medium when allowed-tools pre-approve it broadly (unscoped Bash) or when it reaches the
 * network or fetches code; low otherwise (the user is asked, or the approval is scoped to that command).
 * Interpolating arguments ($ARGUMENTS, $1, $name) is called out: with a broad approval it is command injection.
 */
export const preExecution: Rule = {
  id: 'S2-pre-execution',
  severity: 'medium',
  title: 'Runs shell before the prompt',
  hint: 'Keep `!` injections to read-only commands or the plugin\'s own script, avoid interpolating $ARGUMENTS, and scope allowed-tools to exactly that command.',
  check: (model) =>
    model.markdown.flatMap((d) =>
      d.injections.map((i): RawFinding => {
        const args = ARGS.test(i.command.replace(/\$\{CLAUDE_[A-Z_]+\}/g, ''));
        const broad = d.tools.some((t) => WIDE.test(t.value));
        const risky = i.unit.effects.some((e) => e.kind === 'network' || e.kind === 'runtime-fetch' || e.kind === 'fetch-exec' || e.kind === 'remote-eval');
        const quiet = !args && QUIET.test(i.command);
        return {
          severity: broad || risky ? 'medium' : 'low',
          loc: { file: d.file, line: i.line, snippet: `!\`${i.command}\`` },
          message: args ? `shell pre-execution interpolates arguments${broad ? ' and Bash is pre-approved: command injection if an argument contains `;` or `$(…)`' : ''}` : quiet ? 'read-only shell pre-execution' : 'shell pre-execution runs before Claude sees the prompt',
        };
      }),
    ),
};
