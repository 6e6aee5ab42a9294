// Issue 3 figures: tree digest throughput against sha512sum over the same tree, the SessionStart quick
// verify over 50 installed plugins against `node -e 0`, and search latency over 10,000 plugins.
import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { benchDigestThroughput, benchQuickVerify } from '../../scripts/io/bench-lock-verify.ts';
import { benchSearch } from '../../scripts/federation/bench-search.ts';
import { ratio, timeInterleaved, type Cmd } from '../lib.ts';

const REPO = resolve(import.meta.dirname, '../..');
const NODE = process.execPath;
const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const now = () => performance.now();

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const n of readdirSync(dir)) {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) out.push(...filesUnder(p));
    else out.push(p);
  }
  return out;
}

export default async function run(): Promise<string> {
  const work = mkdtempSync(join(tmpdir(), 'mp-bench-fed-'));

  // 1. Digest throughput, in process (best of 5) against sha512sum over the same files (best of 5).
  const tree = join(work, 'tree');
  const d = benchDigestThroughput({ dir: tree, now, files: 2000, fileBytes: 16 * 1024, runs: 5 });
  const files = filesUnder(tree);
  const sha = timeInterleaved({ sha512sum: { cmd: 'sha512sum', args: files } }, 5).sha512sum;
  const shaMbps = d.bytes / 1e6 / (sha.medianMs / 1000);

  // 2. The SessionStart hook process over 50 locked plugins (warm digest cache) against node -e 0.
  const qv = await benchQuickVerify({ dir: join(work, 'qv'), now, plugins: 50, filesPerPlugin: 20 });
  const project = join(work, 'qv/project');
  const env = { PATH: process.env.PATH ?? '', HOME: join(work, 'qv/home'), XDG_CACHE_HOME: join(work, 'qv/cache'), CLAUDE_PROJECT_DIR: project, CLAUDE_PLUGIN_DATA: join(work, 'qv/data') };
  const event = JSON.stringify({ session_id: 'bench', transcript_path: join(work, 't.jsonl'), cwd: project, hook_event_name: 'SessionStart', source: 'startup' });
  const cmds: Record<string, Cmd> = {
    'node -e 0': { cmd: NODE, args: ['-e', '0'], env },
    'SessionStart hook, 50 plugins': { cmd: NODE, args: [join(REPO, 'dist/hooks/session-start.js')], input: event, env, cwd: project },
  };
  const t = timeInterleaved(cmds, RUNS);
  const hookRatio = ratio(t['SessionStart hook, 50 plugins'].medianMs, t['node -e 0'].medianMs);

  // 3. Search over a generated federation of 10,000 plugins in 20 registries.
  const s = benchSearch({ n: 10_000, registries: 20, queries: 300, now });

  return [
    '## Issue 3: integrity, quick verify, search',
    '',
    `- tree digest (mp1) over ${d.files} files × 16 KiB (${(d.bytes / 1e6).toFixed(0)} MB): ${d.mbPerSec.toFixed(0)} MB/s; \`sha512sum\` over the same files: ${shaMbps.toFixed(0)} MB/s: **${(d.mbPerSec / shaMbps).toFixed(2)}× sha512sum's throughput**`,
    `- SessionStart quick verify over ${qv.plugins} installed plugins (${qv.files} files, warm digest cache): hook process median ${t['SessionStart hook, 50 plugins'].medianMs.toFixed(1)} ms vs \`node -e 0\` ${t['node -e 0'].medianMs.toFixed(1)} ms: **${hookRatio}× \`node -e 0\`**; in process: cold ${qv.coldMs.toFixed(0)} ms, warm ${Math.min(...qv.warmMs).toFixed(0)} ms (${qv.warmHits} cache hits, ${qv.warmMisses} misses)`,
    `- search over ${s.n.toLocaleString('en')} plugins in ${s.registries} registries (MiniSearch; index built in ${s.buildMs.toFixed(0)} ms), 300 queries each:`,
    '',
    '| query | p50 ms | p95 ms | recall@10 |',
    '|---|---:|---:|---:|',
    ...(['exact', 'prefix', 'typo', 'filtered', 'broad'] as const).map((k) => `| ${k} | ${s[k].p50} | ${s[k].p95} | ${s[k].recallAt10} |`),
  ].join('\n');
}
