import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

export interface CorpusPlugin {
  /** Path relative to the corpus's plugins/ directory. */
  rel: string;
  dir: string;
  /** The marketplace that lists it, when one does. */
  marketplace?: string;
  marketplaceOwner?: string;
  /** Its marketplace entry. */
  entry?: Record<string, unknown>;
}

/**
 * Every plugin directory of a corpus (/work/shared/corpus layout: plugins/<owner>__<repo>/…): each
 * directory holding .claude-plugin/plugin.json, plus every relative-source entry of every
 * marketplace.json (entries without a manifest are plugins too). Deduplicated by real path, sorted.
 */
export function corpusPlugins(corpusRoot: string): CorpusPlugin[] {
  const base = join(corpusRoot, 'plugins');
  const found = new Map<string, CorpusPlugin>();
  const add = (dir: string, mkt?: { name: string; owner?: string; entry?: Record<string, unknown> }): void => {
    let real: string;
    try {
      real = realpathSync(dir);
    } catch {
      return;
    }
    const prev = found.get(real);
    if (prev && (prev.marketplace || !mkt)) return;
    found.set(real, { rel: relative(base, dir) || '.', dir, ...(mkt ? { marketplace: mkt.name, ...(mkt.owner ? { marketplaceOwner: mkt.owner } : {}), ...(mkt.entry ? { entry: mkt.entry } : {}) } : {}) });
  };
  const walk = (d: string, depth: number): void => {
    if (depth > 8) return;
    let names: string[];
    try {
      names = readdirSync(d).sort();
    } catch {
      return;
    }
    for (const n of names) {
      const p = join(d, n);
      if (n === 'node_modules' || n === '.git') continue;
      let st;
      try {
        st = statSync(p);
      } catch {
        continue;
      }
      if (!st.isDirectory()) continue;
      if (n === '.claude-plugin') {
        if (existsSync(join(p, 'marketplace.json'))) marketplace(d, join(p, 'marketplace.json'), add);
        if (existsSync(join(p, 'plugin.json'))) add(d);
        continue;
      }
      walk(p, depth + 1);
    }
  };
  walk(base, 0);
  return [...found.values()].sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
}

function marketplace(root: string, file: string, add: (dir: string, mkt?: { name: string; owner?: string; entry?: Record<string, unknown> }) => void): void {
  let m: { name?: unknown; owner?: { name?: unknown }; plugins?: unknown; metadata?: { pluginRoot?: unknown } };
  try {
    m = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return;
  }
  if (typeof m.name !== 'string' || !Array.isArray(m.plugins)) return;
  const info = { name: m.name, ...(typeof m.owner?.name === 'string' ? { owner: m.owner.name } : {}) };
  const pluginRoot = typeof m.metadata?.pluginRoot === 'string' ? m.metadata.pluginRoot : '';
  for (const p of m.plugins) {
    const src = (p as { source?: unknown }).source;
    if (typeof src !== 'string') continue;
    const dir = resolve(root, src.startsWith('./') || src.startsWith('../') || !pluginRoot ? src : join(pluginRoot, src));
    if (dir.startsWith(resolve(root)) && existsSync(dir) && statSync(dir).isDirectory()) add(dir, { ...info, entry: p as Record<string, unknown> });
  }
}
