import type { TreeDigest } from '../integrity/tree-digest.ts';
import type { LockScope } from './types.ts';

/**
 * What the io layer observed about one plugin of the project (Claude Code's state + the digest of its
 * installed tree). The pure lock and verify logic works on these.
 */
export interface ObservedPlugin {
  id: string;
  name: string;
  marketplace: string;
  /** The scope whose settings enable it; undefined when it is only installed for the project. */
  enabledScope?: LockScope;
  installation?: {
    scope: string;
    projectPath?: string;
    installPath: string;
    version?: string;
    resolvedVersion?: string;
    gitCommitSha?: string;
    auto?: boolean;
  };
  /** The marketplace as known_marketplaces.json has it, plus its git repository when it has one. */
  registry?: { name: string; source: { source: string; [k: string]: unknown }; repoUrl?: string; repoPrefix?: string };
  /** The plugin entry's `source` in the marketplace's marketplace.json. */
  entrySource?: string | { source: string; [k: string]: unknown };
  /** The installed plugin.json (only `dependencies` and `version` are read). */
  manifest?: { version?: string; dependencies?: unknown[] };
  tree?: TreeDigest;
  treeError?: { code: string; message: string };
}

/** The version Claude Code resolved for an installation (the tag's semver when a range picked it). */
export function installedVersion(i: NonNullable<ObservedPlugin['installation']>): string | undefined {
  return i.resolvedVersion ?? i.version;
}
