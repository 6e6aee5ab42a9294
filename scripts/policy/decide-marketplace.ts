import { conclude, marketplaceNameRules } from './decide.ts';
import { sourceRules } from './source-rules.ts';
import type { Decision, EffectivePolicy, MarketplaceFacts } from './types.ts';

/**
 * Decide whether a marketplace (registry) may be added or used: its name (unknown before a remote
 * source is fetched, which denies when the policy restricts names), its source kind and host.
 */
export function decideMarketplace(m: MarketplaceFacts, policy: EffectivePolicy): Decision {
  if (policy.failure) return conclude([{ rule: policy.failure.rule, effect: 'deny', reason: policy.failure.reason }], '');
  const what = m.name ? `marketplace ${m.name}` : 'the marketplace';
  const hits = [...marketplaceNameRules(m.name, policy), ...sourceRules(m.source, policy, `${what} source`)];
  return conclude(hits, `${what} is allowed by the policy`);
}
