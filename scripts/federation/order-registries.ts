import type { EffectivePolicy } from '../policy/types.ts';
import type { RegistryOrigin, RegistrySource, RegistrySpec } from './types.ts';

export interface ClaudeMarketplace { name: string; source: RegistrySource; origin: RegistryOrigin; installLocation?: string }

/**
 * The registries of the federation: every marketplace Claude Code knows (settings of every scope and
 * known_marketplaces.json) plus the policy's registries, each with its priority (policy entries give
 * it; Claude's default to 0). Sorted highest priority first; ties put policy-declared registries
 * first, then order by name, so resolution never depends on file order.
 */
export function orderRegistries(claude: ClaudeMarketplace[], policy: EffectivePolicy, parse: (s: unknown) => RegistrySource | null): {
  specs: RegistrySpec[];
  mismatches: Array<{ name: string; policy: RegistrySource; claude: RegistrySource }>;
  invalid: Array<{ name: string; message: string }>;
} {
  const byName = new Map<string, RegistrySpec>();
  const mismatches: Array<{ name: string; policy: RegistrySource; claude: RegistrySource }> = [];
  const invalid: Array<{ name: string; message: string }> = [];
  for (const r of policy.registries) {
    if (r.source === undefined) continue;
    const source = parse(r.source);
    if (!source) {
      invalid.push({ name: r.name, message: `registry ${r.name} in ${r.path} has a source mp cannot read` });
      continue;
    }
    byName.set(r.name, { name: r.name, source, priority: r.priority, origins: ['policy'] });
  }
  for (const c of claude) {
    const spec = byName.get(c.name);
    if (!spec) {
      byName.set(c.name, { name: c.name, source: c.source, priority: 0, origins: [c.origin], ...(c.installLocation ? { installLocation: c.installLocation } : {}) });
      continue;
    }
    if (!spec.origins.includes(c.origin)) spec.origins.push(c.origin);
    if (spec.origins.includes('policy') && !sameSource(spec.source, c.source)) {
      if (!mismatches.some((m) => m.name === c.name && sameSource(m.claude, c.source))) mismatches.push({ name: c.name, policy: spec.source, claude: c.source });
    } else if (c.installLocation && !spec.installLocation) spec.installLocation = c.installLocation;
  }
  for (const r of policy.registries) {
    const spec = byName.get(r.name);
    if (r.source !== undefined) continue;
    if (spec) spec.priority = r.priority;
    else invalid.push({ name: r.name, message: `registry ${r.name} in ${r.path} has no source and Claude Code does not know a marketplace by that name` });
  }
  const specs = [...byName.values()].sort((a, b) => b.priority - a.priority
    || Number(b.origins.includes('policy')) - Number(a.origins.includes('policy'))
    || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { specs, mismatches, invalid };
}

/** Two sources designate the same registry (same kind and location; refs compared too). */
export function sameSource(a: RegistrySource, b: RegistrySource): boolean {
  return JSON.stringify(key(a)) === JSON.stringify(key(b));
}

function key(s: RegistrySource): unknown[] {
  switch (s.source) {
    case 'directory': case 'file': return [s.source, s.path.replace(/\/+$/, '')];
    case 'git': return ['git', /^https:\/\/(www\.)?github\.com\//i.test(s.url) ? s.url.replace(/\/+$/, '').replace(/(\.git)?$/, '.git').replace(/www\./, '').toLowerCase() : s.url.replace(/\/+$/, ''), s.ref ?? '', s.path ?? ''];
    case 'github': return ['git', `https://github.com/${s.repo}.git`.toLowerCase(), s.ref ?? '', s.path ?? ''];
    case 'url': return ['url', s.url];
    case 'npm': return ['npm', s.package];
    case 'settings': return ['settings', s.name];
    default: return [JSON.stringify(s)];
  }
}
