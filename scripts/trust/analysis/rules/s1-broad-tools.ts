import type { RawFinding, Rule } from '../analysis-model.ts';

const WIDE = /^(Bash|Bash\(\s*\*?\s*(:\s*\*)?\s*\)|Bash\(\s*\*\s*:\s*\*\s*\)|\*)$/;
// An interpreter or network tool with free arguments; `Bash(node ${CLAUDE_PLUGIN_ROOT}/x.js:*)` (the plugin's own script) is the recommended scoping.
const INTERPRETER = /^Bash\(\s*(sh|bash|zsh|python3?|node|bun|deno|perl|ruby|eval|curl|wget|npx|bunx|uvx|env|sudo|xargs)\b(?!\s+["']?\$\{?CLAUDE_PLUGIN_ROOT)/;

/**
 * S1: pre-approved tools broader than needed: unscoped Bash or Bash(*) in allowed-tools (medium), an
 * interpreter or network tool with free arguments (low), an agent with `tools: *` (medium). Whether an
 * agent "only needs to read" cannot be told from its frontmatter reliably, so that case is not judged.
 */
export const broadTools: Rule = {
  id: 'S1-broad-tools',
  severity: 'medium',
  title: 'Pre-approves broad tools',
  hint: 'Scope allowed-tools to the exact commands the component runs, e.g. Bash(git status:*) or Bash(node ${CLAUDE_PLUGIN_ROOT}/dist/x.js:*).',
  check: (model) =>
    model.markdown.flatMap((d): RawFinding[] => {
      const out: RawFinding[] = [];
      for (const t of d.tools) {
        const loc = { file: d.file, line: t.line, snippet: `${d.toolsKey}: ${t.value}` };
        if (d.kind === 'agent') {
          if (t.value === '*') out.push({ severity: 'medium', loc, message: 'the agent gets every tool (tools: *)' });
        } else if (WIDE.test(t.value)) out.push({ severity: 'medium', loc, message: `allowed-tools ${t.value} pre-approves any shell command while this ${d.kind} runs` });
        else if (INTERPRETER.test(t.value)) out.push({ severity: 'low', loc, message: `allowed-tools ${t.value} pre-approves an interpreter or network tool (arbitrary code or data out)` });
      }
      return out;
    }),
};
