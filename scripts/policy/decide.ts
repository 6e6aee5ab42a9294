import { globMatch, pluginGlobMatch } from './glob-match.ts';
import { sourceRules } from './source-rules.ts';
import { trustRules } from './trust-rules.ts';
import type { Decision, EffectivePolicy, PluginFacts, RuleHit } from './types.ts';

/**
 * Decide whether a plugin may be installed, enabled or kept. Pure. Every rule is evaluated (so
 * explain() can list them); the first denying rule decides. Unknown facts that a rule needs deny.
 */
export function decide(plugin: PluginFacts, policy: EffectivePolicy): Decision {
  return conclude(pluginRules(plugin, policy), `${plugin.id} is allowed by the policy`);
}

export function pluginRules(plugin: PluginFacts, policy: EffectivePolicy): RuleHit[] {
  if (policy.failure) return [{ rule: policy.failure.rule, effect: 'deny', reason: policy.failure.reason }];
  const hits: RuleHit[] = [];
  for (const b of policy.plugins.block) {
    if (pluginGlobMatch(b.value, plugin, true)) hits.push({ rule: 'plugins.block', effect: 'deny', reason: `${plugin.id} matches blocked pattern "${b.value}"`, origin: b.origin, path: b.path });
  }
  for (const layer of policy.plugins.allow) {
    const hit = layer.patterns.find((p) => pluginGlobMatch(p, plugin));
    hits.push(hit
      ? { rule: 'plugins.allow', effect: 'allow', reason: `${plugin.id} matches allowed pattern "${hit}"`, origin: layer.origin, path: layer.path }
      : { rule: 'plugins.allow', effect: 'deny', reason: `${plugin.id} matches none of the allowed plugins (${layer.patterns.join(', ') || 'empty list'})`, origin: layer.origin, path: layer.path });
  }
  hits.push(...marketplaceNameRules(plugin.marketplace, policy));
  if (plugin.registry === undefined) {
    hits.push({ rule: 'registries.unknown', effect: 'deny', reason: `no registry of the federation offers ${plugin.id} (unknown marketplace "${plugin.marketplace}" or plugin not listed)` });
  }
  hits.push(...sourceRules(plugin.source && { ...plugin.source, host: plugin.sourceHost ?? plugin.source.host }, policy, `${plugin.id} source`));
  if (plugin.registrySource) hits.push(...sourceRules(plugin.registrySource, policy, `marketplace ${plugin.marketplace} source`));
  const pins = policy.pins.filter((p) => pluginGlobMatch(p.pattern, plugin, true));
  for (const pin of pins) {
    hits.push(plugin.registry === pin.registry
      ? { rule: 'pins', effect: 'allow', reason: `${plugin.name} is pinned to registry ${pin.registry} ("${pin.pattern}")`, origin: pin.origin, path: pin.path }
      : { rule: 'pins', effect: 'deny', reason: `${plugin.name} is pinned to registry ${pin.registry} ("${pin.pattern}"), not ${plugin.registry ?? 'an unknown registry'}: a same-name plugin elsewhere must never stand in for it`, origin: pin.origin, path: pin.path });
  }
  // A pin settles which registry may provide a name, so shadowing and unreachable registries stop
  // mattering; but only a pin of the first layer (the org, or the project when alone) may lift those
  // rules: a project pin must not loosen what the org's shadowing or onUnreachable decides.
  const base = policy.layers[0]?.path;
  if (!pins.some((p) => p.path === base)) {
    hits.push(...shadowingRules(plugin, policy));
    if (policy.onUnreachable.value === 'deny' && plugin.unreachable?.length) {
      const { origin, path } = policy.onUnreachable;
      hits.push({ rule: 'onUnreachable', effect: 'deny', reason: `registr${plugin.unreachable.length > 1 ? 'ies' : 'y'} ${plugin.unreachable.join(', ')} could not be reached, so a higher-priority or same-name copy of ${plugin.name} cannot be ruled out (pin it, or set onUnreachable: skip)`, ...(origin === 'default' ? { origin } : { origin, path }) });
    }
  }
  if (policy.requireLockfile?.value) {
    const { origin, path } = policy.requireLockfile;
    hits.push(plugin.locked === true
      ? { rule: 'requireLockfile', effect: 'allow', reason: `${plugin.id} is recorded in plugin-lock.json`, origin, path }
      : { rule: 'requireLockfile', effect: 'deny', reason: `the policy requires a lockfile and ${plugin.id} is not recorded in plugin-lock.json (install it with mp install)`, origin, path });
  }
  hits.push(...trustRules(plugin, policy));
  return hits;
}

/** Marketplace name allow/block rules (shared by plugin and marketplace decisions). An unknown name denies. */
export function marketplaceNameRules(name: string | undefined, policy: EffectivePolicy): RuleHit[] {
  const hits: RuleHit[] = [];
  if (name === undefined) {
    if (policy.marketplaces.block.length || policy.marketplaces.allow.length) {
      hits.push({ rule: 'marketplaces.unknown', effect: 'deny', reason: 'the marketplace name is unknown before it is fetched, and the policy restricts marketplace names (declare it with mp registry add)' });
    }
    return hits;
  }
  for (const b of policy.marketplaces.block) {
    if (globMatch(b.value, name, true)) hits.push({ rule: 'marketplaces.block', effect: 'deny', reason: `marketplace ${name} matches blocked pattern "${b.value}"`, origin: b.origin, path: b.path });
  }
  for (const layer of policy.marketplaces.allow) {
    const hit = layer.patterns.find((p) => globMatch(p, name));
    hits.push(hit
      ? { rule: 'marketplaces.allow', effect: 'allow', reason: `marketplace ${name} matches allowed pattern "${hit}"`, origin: layer.origin, path: layer.path }
      : { rule: 'marketplaces.allow', effect: 'deny', reason: `marketplace ${name} matches none of the allowed marketplaces (${layer.patterns.join(', ') || 'empty list'})`, origin: layer.origin, path: layer.path });
  }
  return hits;
}

/** The first denying rule decides; otherwise the decision is an allow. */
export function conclude(hits: RuleHit[], allowReason: string): Decision {
  const deny = hits.find((h) => h.effect === 'deny');
  if (deny) return { allow: false, rule: deny.rule, reason: deny.reason, matched: hits };
  return { allow: true, rule: 'allowed', reason: allowReason, matched: hits };
}

function shadowingRules(plugin: PluginFacts, policy: EffectivePolicy): RuleHit[] {
  const { value: mode, origin, path } = policy.shadowing;
  const at = origin === 'default' ? { origin } : { origin, path };
  if (mode === 'allow') return [];
  if (plugin.alsoIn === undefined || (mode === 'highest' && plugin.shadowedBy === undefined)) {
    return [{ rule: 'shadowing', effect: 'deny', reason: `cannot tell whether other registries also offer ${plugin.name} (federation not loaded)`, ...at }];
  }
  if (mode === 'deny' && plugin.alsoIn.length > 0) {
    return [{ rule: 'shadowing', effect: 'deny', reason: `${plugin.name} is offered by several registries (${[plugin.registry, ...plugin.alsoIn].join(', ')}) and is not pinned: pin it to one registry`, ...at }];
  }
  if (mode === 'highest' && plugin.shadowedBy!.length > 0) {
    return [{ rule: 'shadowing', effect: 'deny', reason: `${plugin.id} is shadowed by higher-priority registry ${plugin.shadowedBy!.join(', ')}`, ...at }];
  }
  return plugin.alsoIn.length ? [{ rule: 'shadowing', effect: 'allow', reason: `${plugin.id} is the highest-priority copy of ${plugin.name}`, ...at }] : [];
}
