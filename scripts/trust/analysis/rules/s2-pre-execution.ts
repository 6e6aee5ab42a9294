import type { RawFinding, Rule } from '../analysis-model.ts';

const ARGS = /\$ARGUMENTS|\$\{?\d\}?|\$\{?[a-z_][a-z0-9_]*\}?/;
const QUIET = /^\s*(git (status|diff|log|branch|show|rev-parse|remote -v)\b[^;&|`$]*|ls\b[^;&|`$]*|pwd|date|whoami|node "?\$\{CLAUDE_PLUGIN_ROOT\}[^;&|`]*|cat "?\$\{CLAUDE_PLUGIN_ROOT\}[^;&|`$]*)\s*$/;

/**
 * S2: `!` shell pre-execution in a command or skill runs before Claude sees the prompt. Medium when it
 * interpolates arguments (command injection) or does more than read; low for read-only git/ls or the
 * plugin's own script.
 */
export const preExecution: Rule = {
  id: 'S2-pre-execution',
  severity: 'medium',
  title: 'Runs shell before the prompt',
  hint: 'Keep `!` injections to read-only commands or the plugin\'s own script, never interpolate $ARGUMENTS into them, and scope allowed-tools to exactly that command.',
  check: (model) =>
    model.markdown.flatMap((d) =>
      d.injections.map((i): RawFinding => {
        const args = ARGS.test(i.command.replace(/\$\{CLAUDE_[A-Z_]+\}/g, ''));
        const quiet = !args && QUIET.test(i.command);
        return {
          severity: quiet ? 'low' : 'medium',
          loc: { file: d.file, line: i.line, snippet: `!\`${i.command}\`` },
          message: args ? 'shell pre-execution interpolates arguments (command injection if an argument contains `;` or `$(…)`)' : quiet ? 'read-only shell pre-execution' : 'shell pre-execution runs before Claude sees the prompt',
        };
      }),
    ),
};
