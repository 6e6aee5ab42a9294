// Issue 2 figures: the PostToolUse hook against `node -e 0` and `claude plugin validate`, and
// `mp validate` over the whole corpus in one call against `claude plugin validate` once per target.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ratio, timeInterleaved, type Cmd } from '../lib.ts';

const REPO = resolve(import.meta.dirname, '../..');
const CORPUS = resolve(REPO, '../shared/corpus');
const CLAUDE = join(REPO, 'node_modules/.bin/claude');
const NODE = process.execPath;
const RUNS = Number(process.env.BENCH_RUNS ?? 20);
// A mid-sized real plugin: manifest, commands, agents, skills, hooks.
const SAMPLE = process.env.BENCH_PLUGIN ?? 'anthropics__claude-plugins-official/plugins/plugin-dev';

export default async function run(): Promise<string> {
  const work = mkdtempSync(join(tmpdir(), 'mp-bench-'));
  const plugin = join(work, 'plugin');
  cpSync(join(CORPUS, 'plugins', SAMPLE), plugin, { recursive: true });
  const home = mkdtempSync(join(tmpdir(), 'mp-bench-home-'));
  const env = { PATH: process.env.PATH ?? '', HOME: home, CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1', DISABLE_AUTOUPDATER: '1' };
  const event = (file: string) => JSON.stringify({
    session_id: 'bench', transcript_path: join(home, 't.jsonl'), cwd: work, hook_event_name: 'PostToolUse',
    tool_name: 'Edit', tool_input: { file_path: file, old_string: 'a', new_string: 'b' }, tool_response: { filePath: file }, tool_use_id: 'toolu_bench',
  });
  const hook = join(REPO, 'dist/hooks/post-tool-use.cjs');
  // A command file of the sample plugin (the first by name): the hook parses its frontmatter as well.
  const command = join(plugin, 'commands', readdirSync(join(plugin, 'commands')).filter((f) => f.endsWith('.md')).sort()[0]);
  // Claude Code runs plugin hooks with CLAUDE_PLUGIN_DATA set (spec §4.2); the hook keeps its V8 code
  // cache there, written by the first run (the warm-up round here); outside Claude Code it uses
  // ~/.cache/marketplace-pro/v8-cache. The last hook row runs without any (MP_CODE_CACHE=0).
  const hookEnv = { ...env, CLAUDE_PLUGIN_DATA: join(work, 'plugin-data') };
  const cmds: Record<string, Cmd> = {
    'node -e 0': { cmd: NODE, args: ['-e', '0'], env },
    'hook, unrelated file': { cmd: NODE, args: [hook], input: event(join(work, 'src/app.ts')), env: hookEnv, cwd: work },
    'hook, plugin file': { cmd: NODE, args: [hook], input: event(join(plugin, '.claude-plugin/plugin.json')), env: hookEnv, cwd: work },
    'hook, command .md': { cmd: NODE, args: [hook], input: event(command), env: hookEnv, cwd: work },
    'hook, command .md, no code cache': { cmd: NODE, args: [hook], input: event(command), env: { ...env, MP_CODE_CACHE: '0' }, cwd: work },
    'claude plugin validate': { cmd: CLAUDE, args: ['plugin', 'validate', plugin], env, cwd: work },
  };
  const t = timeInterleaved(cmds, RUNS);
  const base = t['node -e 0'].medianMs;
  const cv = t['claude plugin validate'];
  const rows = Object.entries(t).map(([n, x]) => `| ${n} | ${x.medianMs.toFixed(1)} | ${x.p95Ms.toFixed(1)} | ${ratio(x.medianMs, base)} | ${(x.maxRssKb / 1024).toFixed(1)} |`);

  // Whole corpus: one `mp validate` call with every target vs `claude plugin validate` once per target.
  const targets = readFileSync(join(CORPUS, 'verdicts.jsonl'), 'utf8').trim().split('\n').map((l) => join(CORPUS, 'plugins', JSON.parse(l).target));
  const quick = process.env.BENCH_QUICK === '1';
  const sample = quick ? targets.filter((_, i) => i % 20 === 0) : targets;
  const t0 = process.hrtime.bigint();
  for (const target of sample) timeOnce({ cmd: CLAUDE, args: ['plugin', 'validate', target], env, cwd: work });
  const claudeMs = (Number(process.hrtime.bigint() - t0) / 1e6) * (targets.length / sample.length);
  const mp = timeInterleaved({ mp: { cmd: NODE, args: [join(REPO, 'dist/mp.js'), 'validate', ...targets], env, cwd: work } }, 5).mp;

  return [
    '## Issue 2: validator and PostToolUse hook',
    '',
    `Sample plugin: \`corpus/plugins/${SAMPLE}\`, ${RUNS} interleaved runs each after a warm-up; wall time and peak RSS from GNU time.`,
    '',
    '| command | median ms | p95 ms | ratio to `node -e 0` | peak RSS MiB |',
    '|---|---:|---:|---:|---:|',
    ...rows,
    '',
    `- hook on an unrelated file: **${ratio(t['hook, unrelated file'].medianMs, base)}× \`node -e 0\`** (target ≤ 1.25)`,
    `- hook on a plugin file: **${ratio(t['hook, plugin file'].medianMs, base)}× \`node -e 0\`** for plugin.json, **${ratio(t['hook, command .md'].medianMs, base)}×** for a command .md (target ≤ 1.6; without the code cache, as on the first edit: ${ratio(t['hook, command .md, no code cache'].medianMs, base)}×); \`claude plugin validate\` on the same plugin is ${ratio(cv.medianMs, base)}× \`node -e 0\`, so the hook is **${ratio(cv.medianMs, t['hook, plugin file'].medianMs)}× faster** (target ≥ 5) with **${ratio(t['hook, plugin file'].maxRssKb, cv.maxRssKb)}×** its peak memory (target ≤ 0.25)`,
    `- \`mp validate\` with all ${targets.length} corpus targets in one call: median ${mp.medianMs.toFixed(0)} ms; \`claude plugin validate\` once per target: ${(claudeMs / 1000).toFixed(1)} s${quick ? ` (extrapolated from ${sample.length} targets, BENCH_QUICK=1)` : ''}: **${ratio(claudeMs, mp.medianMs)}× faster** (target ≥ 100)`,
  ].join('\n');
}

function timeOnce(c: Cmd): void {
  spawnSync(c.cmd, c.args, { env: c.env, cwd: c.cwd, stdio: 'ignore' });
}
