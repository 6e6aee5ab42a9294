import type { DeclaredDependency } from '../lock/declared-dependencies.ts';
import type { Decision, EffectivePolicy, PluginFacts } from '../policy/types.ts';
import { resolvePlugin } from './resolve-plugin.ts';
import type { Candidate, Federation } from './types.ts';

export interface PlannedPlugin {
  /** `name@registry`, as Claude Code will install it. */
  id: string;
  /** The query that asked for it; absent for a dependency. */
  query?: string;
  /** The planned plugin that declares it as a dependency; absent for a requested one. */
  requiredBy?: string;
  candidate: Candidate;
  facts: PluginFacts;
}

export interface InstallPlan {
  /** Requested plugins first (in query order), then their dependencies, each once. */
  planned: PlannedPlugin[];
  /** Queries and dependencies that resolve to nothing, with the policy's or federation's reason. */
  unresolved: Array<{ query: string; requiredBy?: string; decision: Decision }>;
}

/** Dependency chains deeper than this are refused as unresolved rather than followed (threat: a registry built to loop). */
const MAX_PLANNED = 500;

/**
 * What `mp install <queries>` will make Claude Code install: each query resolved through the federation
 * (precedence, pins), then, transitively, the dependencies their manifests declare (`depsOf`, read by the
 * io layer from the registry tree; a plugin whose tree is not local declares none we can see). Pure.
 */
export function planInstall(queries: readonly string[], federation: Federation, policy: EffectivePolicy, depsOf: (c: Candidate) => DeclaredDependency[]): InstallPlan {
  const planned: PlannedPlugin[] = [];
  const unresolved: InstallPlan['unresolved'] = [];
  const todo: Array<{ query: string; requiredBy?: string }> = queries.map((query) => ({ query }));
  while (todo.length && planned.length < MAX_PLANNED) {
    const next = todo.shift()!;
    const res = resolvePlugin(next.query, federation, policy);
    if (!res.chosen) {
      unresolved.push({ ...next, decision: res.decision });
      continue;
    }
    if (planned.some((p) => p.id === res.facts.id)) continue;
    planned.push({ id: res.facts.id, ...(next.requiredBy ? { requiredBy: next.requiredBy } : { query: next.query }), candidate: res.chosen, facts: res.facts });
    for (const d of depsOf(res.chosen)) todo.push({ query: d.id, requiredBy: res.facts.id });
  }
  for (const rest of todo) unresolved.push({ ...rest, decision: { allow: false, rule: 'dependencies.tooMany', reason: `more than ${MAX_PLANNED} plugins to install`, matched: [] } });
  return { planned, unresolved };
}
