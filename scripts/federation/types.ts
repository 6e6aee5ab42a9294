/**
 * The federation: every registry (marketplace) we search and resolve against, in priority order,
 * with what each one offers. Built by scripts/io/registry-fetch/load-federation.ts; everything in
 * scripts/federation/ works on it as plain data.
 */

/** A marketplace source, in the shapes Claude Code accepts (spec §5.1, kinds `lDt`). */
export type RegistrySource =
  | { source: 'directory'; path: string }
  | { source: 'file'; path: string }
  | { source: 'git'; url: string; ref?: string; path?: string }
  | { source: 'github'; repo: string; ref?: string; path?: string }
  | { source: 'url'; url: string; headers?: Record<string, string> }
  | { source: 'npm'; package: string }
  | { source: 'settings'; name: string; plugins: unknown[] };

/** Where a registry comes from: the policy, or Claude Code's own state (settings scope or known_marketplaces.json). */
export type RegistryOrigin = 'policy' | 'user' | 'project' | 'local' | 'known' | 'managed';

export interface RegistrySpec {
  name: string;
  source: RegistrySource;
  priority: number;
  origins: RegistryOrigin[];
  /** Claude Code's copy of the marketplace (known_marketplaces.json installLocation), read in place when present. */
  installLocation?: string;
}

/** A component a plugin defines, as Claude Code ids it (`plugin:sub:name` for commands). */
export interface ComponentInfo { kind: 'command' | 'skill' | 'agent'; id: string; name: string; description?: string }

/** One plugin entry of a marketplace, with what we could learn about it. */
export interface RegistryPlugin {
  name: string;
  description?: string;
  version?: string;
  category?: string;
  keywords: string[];
  /** The entry's `source` as written (a string for relative paths). */
  source: unknown;
  /** plugin.json `name` (the command/skill namespace) when the tree was readable, else the entry name. */
  namespace: string;
  /** Read from the plugin's tree when the registry tree is available (directory and git registries). */
  components: ComponentInfo[];
  /** Where the plugin tree is on disk, when it is (relative sources of local or cloned registries). */
  root?: string;
}

export interface LoadedRegistry {
  spec: RegistrySpec;
  /** The `name` inside marketplace.json (usually equal to spec.name). */
  marketplaceName: string;
  plugins: RegistryPlugin[];
  /** How it was obtained: read in place, fetched now, or from the cache (offline or unreachable). */
  via: 'local' | 'claude' | 'fetched' | 'cache';
  /** git HEAD of the registry tree, when it is a git checkout. */
  commit?: string;
  /** Directory holding .claude-plugin/marketplace.json, when the tree is on disk. */
  root?: string;
}

export interface RegistryFailure { name: string; source: RegistrySource; code: string; message: string; hint?: string }

export interface Federation {
  /** Highest priority first (ties: policy registries, then by name). */
  registries: LoadedRegistry[];
  failures: RegistryFailure[];
  /** Same registry name with a different source in the policy and in Claude Code's state. */
  mismatches: Array<{ name: string; policy: RegistrySource; claude: RegistrySource }>;
}

/** A plugin as offered by one registry. */
export interface Candidate { registry: LoadedRegistry; plugin: RegistryPlugin }
