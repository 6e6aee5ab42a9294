import { decide } from './decide.ts';
import type { Decision, EffectivePolicy, PluginFacts, RuleHit } from './types.ts';

export interface Explanation {
  plugin: string;
  decision: Decision;
  /** Human lines: the verdict, the deciding rule, then every rule that applied with its file. */
  lines: string[];
}

/** Which rule decided for a plugin, and why, with every other rule that applied and the policy files read. */
export function explain(plugin: PluginFacts, policy: EffectivePolicy): Explanation {
  const decision = decide(plugin, policy);
  const lines = [
    `${plugin.id}: ${decision.allow ? 'ALLOWED' : 'DENIED'}`,
    `  decided by ${decision.rule}: ${decision.reason}`,
  ];
  if (decision.matched.length) lines.push('  rules that applied:', ...decision.matched.map((h) => `    ${h.effect === 'deny' ? '✘' : '✔'} ${h.rule}${where(h)}: ${h.reason}`));
  else lines.push('  no rule applied (nothing in the policy concerns this plugin)');
  if (policy.layers.length) lines.push('  policy files (org first):', ...policy.layers.map((l) => `    ${l.origin}: ${l.path}`));
  else if (!policy.failure) lines.push('  no policy file: only the built-in defaults (unknown sources and unpinned shadowing deny)');
  for (const n of policy.notes) lines.push(`  note: ${n}`);
  return { plugin: plugin.id, decision, lines };
}

function where(h: RuleHit): string {
  if (!h.origin) return '';
  return h.origin === 'default' ? ' (default)' : ` (${h.origin}${h.path ? `: ${h.path}` : ''})`;
}
