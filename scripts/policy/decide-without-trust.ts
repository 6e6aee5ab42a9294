import { decide } from './decide.ts';
import type { Decision, EffectivePolicy, PluginFacts } from './types.ts';

/**
 * decide() without the trust section, for a plugin whose grade, signer and findings can only be known
 * once Claude Code has fetched it (a remote source): mp install decides everything else before installing
 * and the trust rules on the installed tree right after, uninstalling it when they deny.
 */
export function decideWithoutTrust(plugin: PluginFacts, policy: EffectivePolicy): Decision {
  return decide(plugin, { ...policy, trust: { minGrade: null, requireSignature: [], denySeverities: [] } });
}

/** True when the policy has trust rules that need the plugin's grade or analysis (not just its signature). */
export function needsGrade(policy: EffectivePolicy): boolean {
  return policy.trust.minGrade !== null || policy.trust.denySeverities.length > 0;
}
