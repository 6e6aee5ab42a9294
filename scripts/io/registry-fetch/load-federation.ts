import { homedir } from 'node:os';
import { isMpError } from '../../core/errors.ts';
import { orderRegistries, type ClaudeMarketplace } from '../../federation/order-registries.ts';
import { parseRegistrySource } from '../../federation/parse-registry-source.ts';
import { toRegistrySource } from '../../federation/to-registry-source.ts';
import type { Federation, RegistrySource } from '../../federation/types.ts';
import type { EffectivePolicy } from '../../policy/types.ts';
import { readKnownMarketplaces } from '../claude-state/known-marketplaces.ts';
import { claudePaths } from '../claude-state/paths.ts';
import { readAllSettings } from '../claude-state/settings.ts';
import { registryCacheDir } from './cache-dir.ts';
import { fetchRegistry, type FetchMode } from './fetch-registry.ts';
import { pathKind } from '../path-kind.ts';

export interface LoadFederationOptions {
  cwd: string;
  env: Record<string, string | undefined>;
  policy: EffectivePolicy;
  mode: FetchMode;
  /** Load only these registries (by name); all when absent. */
  only?: string[];
  now?: () => number;
  /** Read plugins' commands/skills/agents from registry trees (default true; the hook does not need them). */
  components?: boolean;
}

export interface LoadedFederation {
  federation: Federation;
  /** Registries named in the policy or Claude's state that mp could not even describe. */
  invalid: Array<{ name: string; message: string }>;
}

/**
 * Build the federation: the marketplaces Claude Code knows (user/project/local/managed settings and
 * known_marketplaces.json) plus the policy's registries, in priority order, each loaded (from Claude's
 * copy, in place, from the cache or fetched). A registry that fails is recorded with its code, never
 * dropped silently; what it means for a decision is the policy's onUnreachable.
 */
export async function loadFederation(o: LoadFederationOptions): Promise<LoadedFederation> {
  const projectDir = o.env.CLAUDE_PROJECT_DIR || o.cwd;
  const home = o.env.HOME || homedir();
  const claude = claudeMarketplaces(o.env, projectDir);
  const parse = (v: unknown): RegistrySource | null => {
    if (typeof v !== 'string') return toRegistrySource(v);
    const r = parseRegistrySource(v, { cwd: projectDir, home, kindOf: pathKind });
    return r.ok ? r.source : null;
  };
  const { specs, mismatches, invalid } = orderRegistries(claude.list, o.policy, parse);
  invalid.push(...claude.invalid);
  const ctx = {
    cacheDir: registryCacheDir(o.env),
    env: o.env,
    mode: o.mode,
    now: o.now ?? Date.now,
    ttlMs: Number(o.env.MP_REGISTRY_TTL_SECONDS ?? 3600) * 1000,
    gitTimeoutMs: Number(o.env.MP_GIT_TIMEOUT_MS ?? 60_000),
    httpTimeoutMs: Number(o.env.MP_HTTP_TIMEOUT_MS ?? 30_000),
    components: o.components ?? true,
  };
  const federation: Federation = { registries: [], failures: [], mismatches };
  for (const spec of specs) {
    if (o.only && !o.only.includes(spec.name)) continue;
    try {
      federation.registries.push(await fetchRegistry(spec, ctx));
    } catch (e) {
      if (!isMpError(e)) throw e;
      federation.failures.push({ name: spec.name, source: spec.source, code: e.code, message: e.message, ...(e.hint ? { hint: e.hint } : {}) });
    }
  }
  return { federation, invalid };
}

/** Claude Code's marketplaces: known_marketplaces.json first (it has the installLocation), then every settings scope. */
function claudeMarketplaces(env: Record<string, string | undefined>, projectDir: string): { list: ClaudeMarketplace[]; invalid: Array<{ name: string; message: string }> } {
  const paths = claudePaths(env);
  const list: ClaudeMarketplace[] = [];
  const invalid: Array<{ name: string; message: string }> = [];
  const add = (name: string, raw: unknown, origin: ClaudeMarketplace['origin'], installLocation?: string) => {
    const source = toRegistrySource(raw);
    if (!source) invalid.push({ name, message: `marketplace ${name} (${origin}) has a source kind mp does not know: ${JSON.stringify(raw).slice(0, 120)}` });
    else list.push({ name, source, origin, ...(installLocation ? { installLocation } : {}) });
  };
  for (const m of readKnownMarketplaces(paths).values()) add(m.name, m.source, 'known', m.installLocation);
  for (const layer of readAllSettings(paths, projectDir)) {
    for (const [name, m] of Object.entries(layer.settings?.extraKnownMarketplaces ?? {})) add(name, m.source, layer.scope, m.installLocation);
  }
  return { list, invalid };
}
