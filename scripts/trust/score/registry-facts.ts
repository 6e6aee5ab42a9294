import { globMatch, pluginGlobMatch } from '../../policy/glob-match.ts';
import type { EffectivePolicy } from '../../policy/types.ts';
import type { RegistryFacts } from './inputs.ts';

/** The registry's standing in the (merged) policy: listed, priority, pinned, blocked. Pure. */
export function registryFacts(plugin: { name: string; marketplace?: string }, policy: EffectivePolicy): RegistryFacts {
  const id = `${plugin.name}@${plugin.marketplace ?? ''}`;
  const p = { name: plugin.name, id };
  const mkt = plugin.marketplace;
  const policyFound = policy.layers.length > 0 && policy.failure === null;
  const blocked = policy.plugins.block.some((b) => pluginGlobMatch(b.value, p, true)) || (!!mkt && policy.marketplaces.block.some((b) => globMatch(b.value, mkt, true)));
  if (!mkt) return { listed: false, priority: 0, pinned: false, blocked, policyFound };
  const reg = policy.registries.find((r) => r.name === mkt);
  const allowed = policy.marketplaces.allow.length > 0 && policy.marketplaces.allow.every((l) => l.patterns.some((g) => globMatch(g, mkt)));
  const pinned = policy.pins.some((pin) => pin.registry === mkt && pluginGlobMatch(pin.pattern, p, true));
  return { name: mkt, listed: !!reg || allowed || pinned, priority: reg?.priority ?? 0, pinned, blocked, policyFound };
}
