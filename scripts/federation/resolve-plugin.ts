import { decide } from '../policy/decide.ts';
import { pluginGlobMatch } from '../policy/glob-match.ts';
import type { Decision, EffectivePolicy, PluginFacts } from '../policy/types.ts';
import { pluginFacts, unknownPluginFacts } from './plugin-facts.ts';
import type { Candidate, Federation } from './types.ts';

export interface Resolution {
  /** What was asked: `name` or `name@registry`. */
  query: string;
  name: string;
  /** The copy that wins: the pinned registry's, else the highest-priority one. null when none may be used. */
  chosen: Candidate | null;
  /** Every registry offering the name, highest priority first. */
  candidates: Candidate[];
  /** Candidates that lose to `chosen` (same-name plugins in other registries). */
  shadowed: Candidate[];
  pinnedTo: string | null;
  facts: PluginFacts;
  /** The policy's verdict on `chosen` (or on the unresolvable name). */
  decision: Decision;
}

/**
 * Resolve a plugin name against the federation with precedence. A pinned name only ever resolves in
 * its pinned registry: if that registry lacks it or is unreachable the answer is "none", never a
 * same-name plugin from elsewhere (the dependency-confusion guard). `name@registry` asks for one copy.
 */
export function resolvePlugin(query: string, federation: Federation, policy: EffectivePolicy): Resolution {
  const at = query.indexOf('@');
  const name = at < 0 ? query : query.slice(0, at);
  const wanted = at < 0 ? null : query.slice(at + 1);
  const candidates: Candidate[] = [];
  for (const registry of federation.registries) {
    const plugin = registry.plugins.find((p) => p.name === name);
    if (plugin) candidates.push({ registry, plugin });
  }
  const pins = policy.pins.filter((p) => pluginGlobMatch(p.pattern, { name, id: `${name}@${wanted ?? ''}` }, true));
  const pinnedTo = pins[0]?.registry ?? null;
  let chosen: Candidate | null;
  if (wanted) chosen = candidates.find((c) => c.registry.spec.name === wanted) ?? null;
  else if (pinnedTo) chosen = candidates.find((c) => c.registry.spec.name === pinnedTo) ?? null;
  else chosen = candidates[0] ?? null;
  const facts = chosen ? pluginFacts(chosen, federation) : unknownPluginFacts(name, wanted ?? pinnedTo ?? candidates[0]?.registry.spec.name ?? '(none)', federation);
  let decision = decide(facts, policy);
  const pinFailure = pinnedTo && !wanted ? federation.failures.find((f) => f.name === pinnedTo) : undefined;
  if (!chosen && pinFailure) decision = { ...decision, allow: false, rule: 'pins', reason: `${name} is pinned to registry ${pinnedTo}, which could not be reached (${pinFailure.code}); no other registry may stand in for it` };
  else if (!chosen && pinnedTo && !wanted && candidates.length) decision = { ...decision, allow: false, rule: 'pins', reason: `${name} is pinned to registry ${pinnedTo}, which does not offer it; the copies in ${candidates.map((c) => c.registry.spec.name).join(', ')} may not stand in for it` };
  else if (!chosen && decision.allow) decision = { ...decision, allow: false, rule: 'registries.unknown', reason: `no registry offers ${query}` };
  return { query, name, chosen, candidates, shadowed: candidates.filter((c) => c !== chosen), pinnedTo, facts, decision };
}
