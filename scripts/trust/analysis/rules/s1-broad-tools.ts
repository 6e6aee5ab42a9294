import type { RawFinding, Rule } from '../analysis-model.ts';

const WIDE = /^(Bash|Bash\(\s*\*?\s*(:\s*\*)?\s*\)|Bash\(\s*\*\s*:\s*\*\s*\)|\*)$/;
const INTERPRETER = /^Bash\(\s*(sh|bash|zsh|python3?|node|bun|deno|perl|ruby|eval|curl|wget|npx|bunx|uvx|env|sudo|xargs)\b/;
const WRITE_TOOLS = /^(Write|Edit|MultiEdit|NotebookEdit|Bash)(\(|$)/;
const READ_ONLY_ROLE = /\b(review|reviewer|audit|auditor|analy[sz]e|analy[sz]er|inspect|explain|read-only|readonly)\b/i;

/** S1: pre-approved tools broader than needed: unscoped Bash, Bash(*), tools: *, interpreters, write tools for a read-only agent. */
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
      if (d.kind === 'agent' && READ_ONLY_ROLE.test(`${d.name} ${d.description}`)) {
        const w = d.tools.filter((t) => WRITE_TOOLS.test(t.value)).map((t) => t.value);
        if (w.length) out.push({ severity: 'low', loc: { file: d.file, line: d.tools[0].line, snippet: `tools: ${w.join(', ')}` }, message: `a reviewing/analysing agent is given write tools (${w.join(', ')})` });
      }
      return out;
    }),
};
