import { mkdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { computeTreeDigest } from '../integrity/tree-digest.ts';
import { lockProject } from './lock-project.ts';
import { nodeTreeFs } from './node-tree-fs.ts';
import { quickVerify } from './quick-verify.ts';

/**
 * For `npm run bench` (the lead's bench/ calls these).
 *
 * benchQuickVerify: the SessionStart quick verify over `plugins` installed plugins. The Claude Code
 * state is written in the shape Claude Code 2.1.197 writes it (installed_plugins.json v2 with project
 * scope, cache/<mkt>/<plugin>/<version>/, .claude/settings.json enabledPlugins; the real files are
 * checked in test/io/claude-state/readers.test.ts), locked with the real mp lock code, then verified
 * cold (no digest cache) and warm (cache filled: nothing rehashed), as the hook does.
 *
 * benchDigestThroughput: computeTreeDigest over a generated tree, in MB/s and files/s.
 */
export interface QuickVerifyBench { plugins: number; files: number; lockMs: number; coldMs: number; warmMs: number[]; warmHits: number; warmMisses: number }

export async function benchQuickVerify(o: { dir: string; now: () => number; plugins?: number; filesPerPlugin?: number; fileBytes?: number; warmRuns?: number }): Promise<QuickVerifyBench> {
  const n = o.plugins ?? 50;
  const perPlugin = o.filesPerPlugin ?? 20;
  rmSync(o.dir, { recursive: true, force: true });
  const home = join(o.dir, 'home');
  const projectDir = join(o.dir, 'project');
  const env = { HOME: home, XDG_CACHE_HOME: join(o.dir, 'cache') };
  const plugins: Record<string, unknown[]> = {};
  const enabled: Record<string, boolean> = {};
  for (let i = 0; i < n; i++) {
    const name = `plugin-${String(i).padStart(3, '0')}`;
    const installPath = join(home, '.claude/plugins/cache/bench', name, '1.0.0');
    writeTree(installPath, name, perPlugin, o.fileBytes ?? 2048);
    plugins[`${name}@bench`] = [{ scope: 'project', projectPath: projectDir, installPath, version: '1.0.0', installedAt: '2026-01-01T00:00:00.000Z', lastUpdated: '2026-01-01T00:00:00.000Z' }];
    enabled[`${name}@bench`] = true;
  }
  mkdirSync(join(projectDir, '.claude'), { recursive: true });
  writeFileSync(join(projectDir, '.claude/settings.json'), JSON.stringify({ enabledPlugins: enabled }, null, 2));
  writeFileSync(join(home, '.claude/plugins/installed_plugins.json'), JSON.stringify({ version: 2, plugins }, null, 2));
  const t0 = o.now();
  await lockProject({ env, projectDir, prune: true });
  const lockMs = o.now() - t0;
  const cacheFile = join(o.dir, 'digest-cache.json');
  const t1 = o.now();
  quickVerify({ env, projectDir, cacheFile });
  const coldMs = o.now() - t1;
  const warmMs: number[] = [];
  let last = { hits: 0, misses: 0 };
  for (let r = 0; r < (o.warmRuns ?? 10); r++) {
    const t = o.now();
    const res = quickVerify({ env, projectDir, cacheFile });
    warmMs.push(o.now() - t);
    last = res.cache;
    if (res.verification.drift.length) throw new Error(`bench fixture drifted: ${JSON.stringify(res.verification.drift[0]).slice(0, 200)}`);
  }
  return { plugins: n, files: n * perPlugin, lockMs, coldMs, warmMs, warmHits: last.hits, warmMisses: last.misses };
}

export function benchDigestThroughput(o: { dir: string; now: () => number; files?: number; fileBytes?: number; runs?: number }): { files: number; bytes: number; ms: number[]; mbPerSec: number; filesPerSec: number } {
  const files = o.files ?? 2000;
  const size = o.fileBytes ?? 16 * 1024;
  rmSync(o.dir, { recursive: true, force: true });
  writeTree(o.dir, 'tree', files, size);
  const ms: number[] = [];
  for (let r = 0; r < (o.runs ?? 5); r++) {
    const t = o.now();
    computeTreeDigest(o.dir, nodeTreeFs);
    ms.push(o.now() - t);
  }
  const best = Math.min(...ms);
  return { files, bytes: files * size, ms, mbPerSec: (files * size) / 1e6 / (best / 1000), filesPerSec: files / (best / 1000) };
}

const OLD = new Date('2026-01-01T00:00:00Z');

function writeTree(root: string, name: string, files: number, bytes: number): void {
  mkdirSync(join(root, '.claude-plugin'), { recursive: true });
  writeFileSync(join(root, '.claude-plugin/plugin.json'), JSON.stringify({ name, version: '1.0.0' }));
  const body = Buffer.alloc(bytes, name);
  for (let f = 1; f < files; f++) {
    const dir = join(root, ['commands', 'skills', 'agents', 'hooks'][f % 4], `d${f % 7}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `f${f}.md`), Buffer.concat([Buffer.from(`${f}\n`), body]));
    utimesSync(join(dir, `f${f}.md`), OLD, OLD); // installed long ago, as real plugins are (outside the cache's racy window)
  }
  utimesSync(join(root, '.claude-plugin/plugin.json'), OLD, OLD);
}
