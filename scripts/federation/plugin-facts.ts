import type { PluginFacts } from '../policy/types.ts';
import { pluginSourceFacts, registrySourceFacts } from './source-host.ts';
import type { Candidate, Federation } from './types.ts';

/**
 * The policy facts of one candidate: its id as Claude Code names it (`name@<registry>`), where its code
 * and its marketplace come from, which other registries offer the same name (and which of those
 * outrank it), and which registries could not be reached. Trust and lock facts are the caller's.
 */
export function pluginFacts(c: Candidate, federation: Federation): PluginFacts {
  const { plugin, registry } = c;
  const source = pluginSourceFacts(plugin.source, registry.spec.source);
  const rank = federation.registries.indexOf(registry);
  const others = federation.registries.filter((r) => r !== registry && r.plugins.some((p) => p.name === plugin.name));
  return {
    id: `${plugin.name}@${registry.spec.name}`,
    name: plugin.name,
    marketplace: registry.spec.name,
    registry: registry.spec.name,
    source,
    ...(source.host ? { sourceHost: source.host } : {}),
    registrySource: registrySourceFacts(registry.spec.source),
    alsoIn: others.map((r) => r.spec.name),
    shadowedBy: others.filter((r) => federation.registries.indexOf(r) < rank).map((r) => r.spec.name),
    unreachable: federation.failures.map((f) => f.name),
    ...(plugin.version ? { version: plugin.version } : {}),
  };
}

/** Facts for an id no registry of the federation offers: decide() denies it as unknown. */
export function unknownPluginFacts(name: string, marketplace: string, federation: Federation): PluginFacts {
  const registry = federation.registries.find((r) => r.spec.name === marketplace);
  return {
    id: `${name}@${marketplace}`,
    name,
    marketplace,
    ...(registry ? { registrySource: registrySourceFacts(registry.spec.source) } : {}),
    unreachable: federation.failures.map((f) => f.name),
  };
}
