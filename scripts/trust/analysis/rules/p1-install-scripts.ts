import type { RawFinding, Rule } from '../analysis-model.ts';

/** P1: npm lifecycle scripts run on install; preinstall/install/postinstall high, prepare medium. */
export const installScripts: Rule = {
  id: 'P1-install-scripts',
  severity: 'high',
  title: 'Runs scripts at install time',
  hint: 'Remove install-time scripts; build ahead of time and ship the output (dist/), so installing runs nothing.',
  check: (model) =>
    model.packages.flatMap((p) =>
      p.scripts.filter((s) => s.lifecycle).map((s): RawFinding => ({
        severity: /^(pre|post)?install$/.test(s.name) ? 'high' : 'medium',
        loc: { file: p.file, line: s.line, snippet: `"${s.name}": ${JSON.stringify(s.command)}` },
        message: `package.json "${s.name}" runs \`${s.command.slice(0, 80)}\` when the package is installed`,
      })),
    ),
};
