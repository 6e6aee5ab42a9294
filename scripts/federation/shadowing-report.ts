import { pluginGlobMatch } from '../policy/glob-match.ts';
import type { EffectivePolicy } from '../policy/types.ts';
import type { Federation } from './types.ts';

export interface ShadowEntry {
  name: string;
  /** The registry resolution picks (the pinned one when pinned). */
  winner: string;
  /** The other registries offering the same name, highest priority first. */
  shadowed: string[];
  pinnedTo: string | null;
}

/** Every plugin name offered by more than one registry, with the copy that wins and the ones it hides. */
export function shadowingReport(federation: Federation, policy: EffectivePolicy): ShadowEntry[] {
  const byName = new Map<string, string[]>();
  for (const r of federation.registries) {
    for (const p of r.plugins) byName.set(p.name, [...(byName.get(p.name) ?? []), r.spec.name]);
  }
  const out: ShadowEntry[] = [];
  for (const [name, registries] of byName) {
    if (registries.length < 2) continue;
    const pinnedTo = policy.pins.find((p) => pluginGlobMatch(p.pattern, { name, id: `${name}@` }, true))?.registry ?? null;
    const winner = pinnedTo && registries.includes(pinnedTo) ? pinnedTo : pinnedTo ? '(none: pinned registry lacks it)' : registries[0];
    out.push({ name, winner, shadowed: registries.filter((r) => r !== winner), pinnedTo });
  }
  return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
