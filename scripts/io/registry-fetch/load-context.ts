import { loadPolicy, type PolicyPaths } from '../load-policy.ts';
import type { EffectivePolicy } from '../../policy/types.ts';
import type { Federation } from '../../federation/types.ts';
import type { FetchMode } from './fetch-registry.ts';
import { loadFederation } from './load-federation.ts';

export interface FederationContext {
  policy: EffectivePolicy;
  paths: PolicyPaths;
  federation: Federation;
  invalid: Array<{ name: string; message: string }>;
}

/**
 * The merged policy and the federation it governs, as every federation command needs them. A failed
 * policy still yields Claude Code's own marketplaces (so search and explain can show what is denied).
 */
export async function loadFederationContext(o: { cwd: string; env: Record<string, string | undefined>; mode: FetchMode; orgPolicy?: string; only?: string[]; components?: boolean }): Promise<FederationContext> {
  const { policy, paths } = loadPolicy({ cwd: o.cwd, env: o.env, ...(o.orgPolicy ? { orgPolicy: o.orgPolicy } : {}) });
  const { federation, invalid } = await loadFederation({ cwd: o.cwd, env: o.env, policy, mode: o.mode, ...(o.only ? { only: o.only } : {}), ...(o.components === false ? { components: false } : {}) });
  return { policy, paths, federation, invalid };
}
