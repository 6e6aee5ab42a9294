// Bench helpers: every figure is a ratio against a baseline measured in the same run, interleaved
// run by run so that machine load affects both sides alike.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';

export interface Timing { medianMs: number; p95Ms: number; maxRssKb: number; runs: number }
export interface Cmd { cmd: string; args: string[]; input?: string; env?: Record<string, string>; cwd?: string }

const GNU_TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

function once(c: Cmd): { ms: number; rssKb: number } {
  const useTime = GNU_TIME !== null;
  const cmd = useTime ? GNU_TIME! : c.cmd;
  const args = useTime ? ['-f', '__MPRSS__%M', c.cmd, ...c.args] : c.args;
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { input: c.input ?? '', env: c.env ?? process.env, cwd: c.cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const m = /__MPRSS__(\d+)/.exec(r.stderr ?? '');
  if (r.error) throw r.error;
  return { ms, rssKb: m ? Number(m[1]) : 0 };
}

function summarize(xs: Array<{ ms: number; rssKb: number }>): Timing {
  const ms = xs.map((x) => x.ms).sort((a, b) => a - b);
  return {
    medianMs: ms[Math.floor(ms.length / 2)],
    p95Ms: ms[Math.min(ms.length - 1, Math.floor(ms.length * 0.95))],
    maxRssKb: Math.max(...xs.map((x) => x.rssKb)),
    runs: xs.length,
  };
}

/** Time several commands interleaved (a, b, c, a, b, c, …) after one warm-up round. */
export function timeInterleaved(cmds: Record<string, Cmd>, runs: number): Record<string, Timing> {
  const names = Object.keys(cmds);
  for (const n of names) once(cmds[n]);
  const acc: Record<string, Array<{ ms: number; rssKb: number }>> = Object.fromEntries(names.map((n) => [n, []]));
  for (let i = 0; i < runs; i++) for (const n of names) acc[n].push(once(cmds[n]));
  return Object.fromEntries(names.map((n) => [n, summarize(acc[n])]));
}

export const ratio = (a: number, b: number): string => (a / b).toFixed(2);

/** Replace the text between `<!-- id:start -->` and `<!-- id:end -->` in bench/RESULTS.md (append the section when missing). */
export function writeSection(file: string, id: string, body: string): void {
  const start = `<!-- ${id}:start -->`;
  const end = `<!-- ${id}:end -->`;
  let text = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmark results\n\nWritten by `npm run bench`. Every figure is a ratio to a baseline measured in the same run.\n';
  const block = `${start}\n${body.trim()}\n${end}`;
  const i = text.indexOf(start);
  const j = text.indexOf(end);
  text = i >= 0 && j > i ? text.slice(0, i) + block + text.slice(j + end.length) : `${text.trimEnd()}\n\n${block}\n`;
  writeFileSync(file + '.tmp', text);
  renameSync(file + '.tmp', file);
}
