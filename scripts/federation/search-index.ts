import MiniSearch from 'minisearch';
import type { Federation } from './types.ts';

/** One searchable plugin copy: a plugin as one registry offers it. */
export interface SearchDoc {
  id: string;
  name: string;
  registry: string;
  priority: number;
  description: string;
  category: string;
  keywords: string;
  componentNames: string;
  componentDescriptions: string;
  version: string;
  /** True when a higher-priority registry offers the same name (this copy loses resolution). */
  shadowed: boolean;
}

export interface SearchHit { id: string; name: string; registry: string; score: number; description: string; category: string; version: string; shadowed: boolean; terms: string[] }
export interface SearchOptions { registry?: string; category?: string; limit?: number }

const FIELDS = ['name', 'keywords', 'category', 'description', 'componentNames', 'componentDescriptions'];
const STORED = ['name', 'registry', 'priority', 'description', 'category', 'version', 'shadowed'];

/**
 * Full-text search over a federation with MiniSearch (BM25+): field boosts (name ×3, keywords and
 * category ×2, description and component names ×1, component descriptions ×0.5), prefix matching, and
 * typo tolerance of one edit for terms of 4+ characters. Hyphenated names are indexed both whole and
 * split (`my-plugin` → `my-plugin`, `my`, `plugin`), on documents and queries alike. A copy shadowed by a
 * higher-priority registry's same-name plugin is scored ×0.75.
 */
export class SearchIndex {
  private readonly mini: MiniSearch<SearchDoc>;
  readonly size: number;

  constructor(docs: SearchDoc[]) {
    this.mini = new MiniSearch<SearchDoc>({ fields: FIELDS, storeFields: STORED, tokenize, processTerm });
    this.mini.addAll(docs);
    this.size = docs.length;
  }

  static fromFederation(federation: Federation): SearchIndex {
    return new SearchIndex(searchDocs(federation));
  }

  search(query: string, opts: SearchOptions = {}): SearchHit[] {
    const registry = opts.registry;
    const category = opts.category?.toLowerCase();
    const results = this.mini.search(query, {
      boost: { name: 3, keywords: 2, category: 2, description: 1, componentNames: 1, componentDescriptions: 0.5 },
      prefix: (term) => term.length >= 2,
      fuzzy: (term) => (term.length >= 4 ? 1 : false),
      maxFuzzy: 1,
      combineWith: 'OR',
      // The copy resolution would pick ranks above same-name copies it shadows.
      boostDocument: (_id, _term, stored) => (stored?.shadowed ? 0.75 : 1),
      filter: registry || category
        ? (r) => (!registry || r.registry === registry) && (!category || String(r.category).toLowerCase() === category)
        : undefined,
    });
    // MiniSearch returns results by score; only the page shown needs the deterministic tie-break.
    const page = results.slice(0, opts.limit ?? 20).sort((a, b) => b.score - a.score || Number(b.priority) - Number(a.priority) || (a.id < b.id ? -1 : 1));
    return page.map((r) => ({
      id: String(r.id), name: String(r.name), registry: String(r.registry), score: Math.round(r.score * 1000) / 1000,
      description: String(r.description), category: String(r.category), version: String(r.version), shadowed: Boolean(r.shadowed), terms: r.terms,
    }));
  }
}

/** The documents of a federation: one per (registry, plugin), marking copies shadowed by a higher registry. */
export function searchDocs(federation: Federation): SearchDoc[] {
  const seen = new Set<string>();
  const docs: SearchDoc[] = [];
  for (const r of federation.registries) {
    for (const p of r.plugins) {
      docs.push({
        id: `${p.name}@${r.spec.name}`,
        name: p.name,
        registry: r.spec.name,
        priority: r.spec.priority,
        description: p.description ?? '',
        category: p.category ?? '',
        keywords: p.keywords.join(' '),
        componentNames: p.components.map((c) => c.id.split(':').slice(1).join(' ')).join(' '),
        componentDescriptions: p.components.map((c) => c.description ?? '').join(' \n '),
        version: p.version ?? '',
        shadowed: seen.has(p.name),
      });
      seen.add(p.name);
    }
  }
  return docs;
}

/** Split on whitespace and punctuation, but keep `-`, `_` and `.` inside words (processTerm splits them). */
function tokenize(text: string): string[] {
  return text.split(/[\s!-,/:-@[-^`{-~\u2000-\u206F]+/u).filter(Boolean);
}

function processTerm(term: string): string | string[] | null {
  const t = term.toLowerCase().replace(/^[-_.]+|[-_.]+$/g, '');
  if (!t) return null;
  if (!/[-_.]/.test(t)) return t;
  return [t, ...t.split(/[-_.]+/).filter(Boolean)];
}
