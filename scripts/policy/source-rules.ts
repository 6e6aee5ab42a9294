import { globMatch } from './glob-match.ts';
import { SOURCE_KINDS, type EffectivePolicy, type RuleHit, type SourceFacts, type SourceKind } from './types.ts';

/** Source kind and host rules for one source (a plugin's or a marketplace's). Unknown kinds and hosts deny. */
export function sourceRules(source: SourceFacts | undefined, policy: EffectivePolicy, what: string): RuleHit[] {
  if (!source) return [{ rule: 'sources.unknown', effect: 'deny', reason: `${what} is unknown` }];
  const hits: RuleHit[] = [];
  if (!SOURCE_KINDS.includes(source.kind as SourceKind)) {
    hits.push({ rule: 'sources.unknown', effect: 'deny', reason: `${what} has an unknown kind "${source.kind}"` });
  }
  for (const layer of policy.kinds.allow) {
    const ok = layer.kinds.includes(source.kind as SourceKind);
    hits.push({ rule: 'sources.allowKinds', effect: ok ? 'allow' : 'deny', reason: `${what} kind ${source.kind} ${ok ? 'is' : 'is not'} among the allowed kinds (${layer.kinds.join(', ')})`, origin: layer.origin, path: layer.path });
  }
  const host = source.host?.toLowerCase();
  const governed = policy.hosts.block.length > 0 || policy.hosts.allow.length > 0;
  if (governed && !host) {
    hits.push({ rule: 'sources.unknownHost', effect: 'deny', reason: `the host of ${what} is unknown and the policy restricts hosts` });
    return hits;
  }
  if (!host) return hits;
  for (const b of policy.hosts.block) {
    if (globMatch(b.value, host, true)) hits.push({ rule: 'sources.blockHosts', effect: 'deny', reason: `${what} host ${host} matches blocked host "${b.value}"`, origin: b.origin, path: b.path });
  }
  for (const layer of policy.hosts.allow) {
    const hit = layer.patterns.find((p) => globMatch(p, host, true));
    hits.push(hit
      ? { rule: 'sources.allowHosts', effect: 'allow', reason: `${what} host ${host} matches allowed host "${hit}"`, origin: layer.origin, path: layer.path }
      : { rule: 'sources.allowHosts', effect: 'deny', reason: `${what} host ${host} matches none of the allowed hosts (${layer.patterns.join(', ') || 'empty list'})`, origin: layer.origin, path: layer.path });
  }
  return hits;
}
