// Differential check: every generated case (generate.ts) through the real `claude plugin validate`
// (plain and --strict, fresh HOME each, at most 2 at a time, answers cached by case content) and through
// mp's validator; prints the cases where exit codes or the sets of ❯ lines differ.
//   node --import tsx test/tools/validate-diff/run.ts [name-filter]     (cache: $MP_VDIFF_CACHE or /tmp/mp-vdiff-cache)
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLAUDE, isolatedEnv, tempHome } from '../../helpers/claude.ts';
import { craftedRoot, materialize, normalise, type RecordedVerdict } from '../../fixtures/crafted/record.ts';
import type { CraftedCase } from '../../fixtures/crafted/cases.ts';
import { diffClaudeOutputs, sameClaudeOutput } from '../../plugin/claude-output.ts';
import validate from '../../../scripts/cli/commands/validate.ts';
import { generateCases } from './generate.ts';
import { generateEdgeCases } from './generate-edges.ts';
import { generateRuntimeCases } from './generate-runtime.ts';

const CACHE = process.env.MP_VDIFF_CACHE ?? '/tmp/mp-vdiff-cache';

function key(c: CraftedCase): string {
  const tree = Object.fromEntries(Object.entries(c.tree).map(([k, v]) => [k, v instanceof Uint8Array ? { b64: Buffer.from(v).toString('base64') } : v]));
  return createHash('sha256').update(JSON.stringify([c.name, tree, c.target ?? ''])).digest('hex').slice(0, 24);
}

function claudeOnce(target: string, root: string, strict: boolean): Promise<{ code: number; text: string }> {
  const home = tempHome('mp-vdiff-home-');
  return new Promise((resolve) => {
    execFile(CLAUDE, ['plugin', 'validate', ...(strict ? ['--strict'] : []), target], { cwd: home, env: isolatedEnv(home), timeout: 60_000, maxBuffer: 16 << 20 }, (err, stdout, stderr) => {
      rmSync(home, { recursive: true, force: true });
      const code = err ? (typeof err.code === 'number' ? err.code : -1) : 0;
      resolve({ code, text: normalise(String(stdout) + String(stderr), root) });
    });
  });
}

async function claudeVerdict(c: CraftedCase, target: string, root: string): Promise<RecordedVerdict> {
  const file = join(CACHE, `${key(c)}.json`);
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8'));
  const plain = await claudeOnce(target, root, false);
  // --strict only changes a run that has warnings; without any, its answer is the plain one.
  const strict = plain.text.includes('⚠ Found') ? await claudeOnce(target, root, true) : plain;
  const v = { exit: plain.code, strictExit: strict.code, output: plain.text, strictOutput: strict.text };
  writeFileSync(file, JSON.stringify(v));
  return v;
}

/** `mp validate [--strict] [--claude-compat] <target>` through the command module, as the CLI runs it. */
async function ours(target: string, root: string, strict: boolean, compat: boolean): Promise<{ exit: number; text: string }> {
  let text = '';
  const argv = [...(strict ? ['--strict'] : []), ...(compat ? ['--claude-compat'] : []), target];
  const exit = await validate.run({ argv, cwd: root, env: {}, stdout: (t) => { text += t; }, stderr: (t) => { text += t; } });
  return { exit, text: normalise(text, root) };
}

async function main(): Promise<void> {
  mkdirSync(CACHE, { recursive: true });
  const filter = process.argv[2];
  const cases = [...generateCases(), ...generateEdgeCases(), ...generateRuntimeCases()].filter((c) => !filter || c.name.includes(filter));
  const root = craftedRoot();
  const report: string[] = [];
  let differ = 0;
  let layout = 0;
  const defaultOnly: string[] = [];
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < cases.length) {
      const c = cases[next++];
      const target = materialize(c, root);
      const want = await claudeVerdict(c, target, root);
      const lines: string[] = [];
      for (const strict of [false, true]) {
        const got = await ours(target, root, strict, true);
        const full = await ours(target, root, strict, false);
        const exit = strict ? want.strictExit : want.exit;
        if (full.exit !== exit) defaultOnly.push(`${c.name}${strict ? ' --strict' : ''}: exit ${full.exit}, claude ${exit}\n${full.text.split('\n').filter((l) => /^  [✘⚠] /.test(l)).join('\n')}`);
        const text = strict ? want.strictOutput : want.output;
        const d = diffClaudeOutputs(text, got.text);
        if (got.exit !== exit) d.unshift(`exit ${got.exit}, claude ${exit}`);
        if (d.length > 0) lines.push(`${strict ? '--strict ' : ''}${d.join('\n')}`);
        else if (!sameClaudeOutput(text, got.text, { yamlWording: false })) { layout++; lines.push(`${strict ? '--strict ' : ''}layout differs\n--- claude\n${text}--- mp\n${got.text}`); }
      }
      if (lines.length > 0) {
        differ++;
        report.push(`## ${c.name}\n${lines.join('\n')}\n--- claude output\n${want.output}`);
      }
      if (++done % 50 === 0) process.stderr.write(`${done}/${cases.length} (${differ} differ)\n`);
    }
  };
  try {
    await Promise.all([worker(), worker()]);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  const out = `${cases.length} cases, ${differ} differ (${layout} only in layout; ${defaultOnly.length} runs whose exit differs only without --claude-compat)\n\n${report.join('\n\n')}\n\n# exit codes without --claude-compat (load checks)\n${defaultOnly.join('\n')}\n`;
  writeFileSync(join(CACHE, '..', 'mp-vdiff-report.txt'), out);
  console.log(out.split('\n')[0]);
}

await main();
