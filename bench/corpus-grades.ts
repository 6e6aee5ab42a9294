// Grades for every plugin of ../shared/corpus, their distribution, and the time to grade the whole corpus
// as a ratio to `node -e 0` measured in the same run. `tsx bench/corpus-grades.ts` writes the section
// between <!-- corpus-grades:start --> and <!-- corpus-grades:end --> of bench/RESULTS.md; the bench
// runner can also import it (default export returns the section body).
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { corpusPlugins } from '../scripts/io/corpus-plugins.ts';
import { gradePluginDir } from '../scripts/io/grade-plugin-dir.ts';
import { emptyPolicy } from '../scripts/policy/merge-policies.ts';
import { loadShellParser } from '../scripts/trust/analysis/shell/load-shell-parser.ts';
import { SEVERITIES, type Grade } from '../scripts/trust/types.ts';
import { writeSection } from './lib.ts';

export const CORPUS = resolve(import.meta.dirname, '../../shared/corpus');
const GRADES: Grade[] = ['A', 'B', 'C', 'D', 'F'];

export interface CorpusRow {
  plugin: string;
  id: string;
  grade: Grade;
  score: number;
  parts: { signed: number; reputation: number; codeAnalysis: number; community: number; freshness: number };
  findings: Record<string, number>;
  worst: string;
}

/** Grade every plugin directory of the corpus (no git history there, READMEs/LICENSEs stripped: said so in the evidence). */
export async function gradeCorpus(corpusRoot = CORPUS, now = Date.now()): Promise<{ rows: CorpusRow[]; distribution: Record<Grade, number>; ms: number }> {
  await loadShellParser();
  const t0 = performance.now();
  const rows: CorpusRow[] = [];
  const policy = emptyPolicy();
  for (const p of corpusPlugins(corpusRoot)) {
    const { report } = await gradePluginDir(
      { dir: p.dir, name: p.rel.split('/').pop() ?? p.rel, historyDir: p.dir, ...(p.marketplace ? { marketplace: p.marketplace } : {}), ...(p.marketplaceOwner ? { marketplaceOwner: p.marketplaceOwner } : {}), ...(p.entry ? { entry: p.entry } : {}) },
      { policy, now, clock: () => performance.now(), noHistory: 'the corpus has no git history (a stripped copy)', filesStripped: true },
    );
    const counts = Object.fromEntries(SEVERITIES.map((s) => [s, report.findings.filter((f) => f.severity === s).length]));
    rows.push({
      plugin: p.rel,
      id: report.plugin.id ?? report.plugin.name,
      grade: report.grade,
      score: report.score,
      parts: { signed: report.parts.signed.score, reputation: report.parts.reputation.score, codeAnalysis: report.parts.codeAnalysis.score, community: report.parts.community.score, freshness: report.parts.freshness.score },
      findings: counts,
      worst: report.findings[0] ? `${report.findings[0].ruleId} (${report.findings[0].severity})` : '',
    });
  }
  const distribution = Object.fromEntries(GRADES.map((g) => [g, rows.filter((r) => r.grade === g).length])) as Record<Grade, number>;
  return { rows, distribution, ms: performance.now() - t0 };
}

/** Median wall time of `node -e 0`, spawned `runs` times. */
function nodeBaselineMs(runs: number): number {
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    spawnSync(process.execPath, ['-e', '0']);
    xs.push(performance.now() - t);
  }
  return xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
}

export default async function section(): Promise<string> {
  const baseBefore = nodeBaselineMs(5);
  const first = await gradeCorpus();
  const second = await gradeCorpus();
  const baseAfter = nodeBaselineMs(5);
  const base = (baseBefore + baseAfter) / 2;
  const ms = Math.min(first.ms, second.ms);
  const { rows, distribution } = second;
  const lines: string[] = [];
  lines.push('## Trust grades of the corpus (`bench/corpus-grades.ts`)', '');
  lines.push(`${rows.length} plugin directories of \`../shared/corpus\` (every plugin dir with a manifest, and every relative entry of every marketplace), graded with an empty policy.`);
  lines.push('What the corpus cannot show, and how the grade says so (never guessed):');
  lines.push('- **Freshness** and the **contributors/activity** half of Community: "not computed — the corpus has no git history (a stripped copy)"; Freshness takes its documented neutral 50, Community is scored over the signals that could be computed.');
  lines.push('- **README / LICENSE files**: stripped from the corpus, so "not computed"; the SPDX `license` field of plugin.json still counts.');
  lines.push('- **Signed**: no plugin in the corpus carries `.claude-plugin/signature.sigstore.json` (verified for each: "unsigned").');
  lines.push('- **CodeAnalysis** sees manifests, hooks, MCP configs and frontmatter only (bodies and scripts are stripped).', '');
  lines.push('| grade | plugins | share |', '|---|---:|---:|');
  for (const g of GRADES) lines.push(`| ${g} | ${distribution[g]} | ${((100 * distribution[g]) / Math.max(1, rows.length)).toFixed(1)}% |`);
  lines.push('');
  lines.push(`Time to grade the whole corpus (${rows.length} plugins, in one process, shell parser loaded once): ${ms.toFixed(0)} ms = **${(ms / base).toFixed(1)}× \`node -e 0\`** (${base.toFixed(1)} ms median, measured in the same run; best of two passes).`, '');
  lines.push('<details><summary>Every plugin</summary>', '');
  lines.push('| plugin | grade | score | signed | reputation | code | community | freshness | findings c/h/m/l | worst |', '|---|---|---:|---:|---:|---:|---:|---:|---|---|');
  for (const r of rows) {
    lines.push(`| ${r.plugin} | ${r.grade} | ${r.score} | ${r.parts.signed} | ${r.parts.reputation} | ${r.parts.codeAnalysis} | ${r.parts.community} | ${r.parts.freshness} | ${SEVERITIES.map((s) => r.findings[s]).join('/')} | ${r.worst} |`);
  }
  lines.push('', '</details>');
  return lines.join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const body = await section();
  writeSection(join(import.meta.dirname, 'RESULTS.md'), 'corpus-grades', body);
  process.stdout.write(`${body.split('\n').slice(0, 20).join('\n')}\n…\n`);
}
