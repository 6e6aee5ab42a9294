import { SearchIndex } from './search-index.ts';
import type { Federation, LoadedRegistry, RegistryPlugin } from './types.ts';
import { mulberry32 } from '../core/mulberry32.ts';

export interface LatencyStats { p50: number; p95: number; recallAt10: number }
export interface SearchBenchResult { n: number; registries: number; buildMs: number; exact: LatencyStats; prefix: LatencyStats; typo: LatencyStats; filtered: LatencyStats; broad: LatencyStats }

/**
 * For `npm run bench`: a generated federation of `n` plugins spread over `registries` registries
 * (deterministic words, names, keywords, categories and components), indexed, then `queries` queries
 * of each kind timed with `now` (performance.now): exact (a rare keyword + a word of the plugin's name),
 * prefix (first 4 letters of the rare keyword), typo (one substituted letter in it), filtered (the rare
 * keyword + a very common word, with a category filter), broad (the rare keyword + a very common word,
 * which matches about half of the federation: the worst case). Recall@10: the plugin the rare keyword
 * came from is in the top 10.
 */
export function benchSearch(o: { n: number; registries?: number; queries?: number; now: () => number; seed?: number }): SearchBenchResult {
  const rnd = mulberry32(o.seed ?? 42);
  const federation = generateFederation(o.n, o.registries ?? 20, rnd);
  const t0 = o.now();
  const index = SearchIndex.fromFederation(federation);
  const buildMs = o.now() - t0;
  const all = federation.registries.flatMap((r) => r.plugins.map((p) => ({ r, p })));
  const picks = Array.from({ length: o.queries ?? 300 }, () => all[Math.floor(rnd() * all.length)]);
  const run = (make: (x: { r: LoadedRegistry; p: RegistryPlugin }) => { q: string; category?: string }): LatencyStats => {
    const times: number[] = [];
    let found = 0;
    for (const x of picks) {
      const { q, category } = make(x);
      const s = o.now();
      const hits = index.search(q, { limit: 10, ...(category ? { category } : {}) });
      times.push(o.now() - s);
      if (hits.some((h) => h.id === `${x.p.name}@${x.r.spec.name}`)) found++;
    }
    times.sort((a, b) => a - b);
    return { p50: round(times[Math.floor(times.length * 0.5)]), p95: round(times[Math.min(times.length - 1, Math.floor(times.length * 0.95))]), recallAt10: round(found / picks.length) };
  };
  const rare = (p: RegistryPlugin) => p.keywords[0];
  return {
    n: o.n,
    registries: federation.registries.length,
    buildMs: round(buildMs),
    exact: run(({ p }) => ({ q: `${rare(p)} ${p.name.split('-')[1]}` })),
    prefix: run(({ p }) => ({ q: rare(p).slice(0, 4) })),
    typo: run(({ p }) => ({ q: typo(rare(p), rnd) })),
    filtered: run(({ p }) => ({ q: `${rare(p)} ${p.description!.split(' ')[0]}`, category: p.category! })),
    broad: run(({ p }) => ({ q: `${rare(p)} ${p.description!.split(' ')[0]}` })),
  };
}

const COMMON = ['deploy', 'review', 'test', 'lint', 'format', 'commit', 'docs', 'release', 'security', 'database', 'cloud', 'agent', 'debug', 'refactor', 'monitor', 'search'];
const CATEGORIES = ['development', 'productivity', 'security', 'devops', 'testing', 'documentation', 'data', 'design'];

/** A federation of n plugins; each has a unique rare keyword (its first) so recall can be measured. */
export function generateFederation(n: number, registries: number, rnd: () => number): Federation {
  const regs: LoadedRegistry[] = Array.from({ length: registries }, (_, i) => ({
    spec: { name: `registry-${i}`, source: { source: 'directory', path: `/gen/${i}` }, priority: registries - i, origins: ['policy'] },
    marketplaceName: `registry-${i}`, plugins: [], via: 'local',
  }));
  const pick = () => COMMON[Math.floor(rnd() * COMMON.length)];
  for (let i = 0; i < n; i++) {
    const rareWord = word(rnd, 7 + Math.floor(rnd() * 4)) + i.toString(36);
    const name = `${pick()}-${word(rnd, 5)}-${i.toString(36)}`;
    regs[i % registries].plugins.push({
      name, namespace: name, keywords: [rareWord, pick()], category: CATEGORIES[Math.floor(rnd() * CATEGORIES.length)],
      description: `${pick()} ${pick()} helper for ${word(rnd, 6)} ${pick()} workflows`, version: '1.0.0', source: `./plugins/${name}`,
      components: [
        { kind: 'command', id: `${name}:${pick()}`, name: pick(), description: `Run ${pick()} for ${word(rnd, 5)}` },
        { kind: 'skill', id: `${name}:${pick()}-${word(rnd, 4)}`, name: 'skill', description: `${pick()} ${word(rnd, 7)}` },
      ],
    });
  }
  return { registries: regs, failures: [], mismatches: [] };
}

function word(rnd: () => number, len: number): string {
  let s = '';
  for (let i = 0; i < len; i++) s += 'abcdefghijklmnopqrstuvwxyz'[Math.floor(rnd() * 26)];
  return s;
}

function typo(w: string, rnd: () => number): string {
  const i = 1 + Math.floor(rnd() * (w.length - 2));
  const c = w[i] === 'x' ? 'y' : 'x';
  return w.slice(0, i) + c + w.slice(i + 1);
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
