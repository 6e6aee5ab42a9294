import type { RegistryPlugin } from './types.ts';

export type MarketplaceRead =
  | { ok: true; name: string; plugins: RegistryPlugin[]; dropped: number }
  | { ok: false; code: 'REGISTRY_INVALID'; message: string };

const NAME = /^[A-Za-z0-9][-A-Za-z0-9._]*$/;

/**
 * The plugin entries of a parsed marketplace.json, as leniently as Claude Code's runtime reads them
 * (spec §2.4): the file needs a name and a plugins array; an entry without a usable name is dropped,
 * one with a strange source is kept (the policy denies its unknown source kind). Components are
 * filled in later by the reader when the plugin tree is on disk.
 */
export function readMarketplaceEntries(json: unknown): MarketplaceRead {
  if (!json || typeof json !== 'object' || Array.isArray(json)) return bad('marketplace.json is not a JSON object');
  const m = json as Record<string, unknown>;
  if (typeof m.name !== 'string' || !NAME.test(m.name)) return bad('marketplace.json has no valid "name"');
  if (!Array.isArray(m.plugins)) return bad('marketplace.json has no "plugins" array');
  const plugins: RegistryPlugin[] = [];
  let dropped = 0;
  const seen = new Set<string>();
  for (const raw of m.plugins) {
    const e = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
    if (typeof e.name !== 'string' || !NAME.test(e.name) || seen.has(e.name)) {
      dropped++;
      continue;
    }
    seen.add(e.name);
    plugins.push({
      name: e.name,
      ...(str(e.description) ? { description: str(e.description) } : {}),
      ...(str(e.version) ? { version: str(e.version) } : {}),
      ...(str(e.category) ? { category: str(e.category) } : {}),
      keywords: [...strings(e.keywords), ...strings(e.tags)],
      source: e.source === '.' ? './' : e.source,
      namespace: e.name,
      components: [],
    });
  }
  return { ok: true, name: m.name, plugins, dropped };
}

function bad(message: string): MarketplaceRead {
  return { ok: false, code: 'REGISTRY_INVALID', message };
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.length > 0 ? v : undefined;
}

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x.length > 0) : [];
}
