/**
 * plugin-lock.json, as described by schemas/plugin-lock.schema.json (the source of truth; these types
 * mirror it and the generated validator checks every file read).
 */
export type LockScope = 'project' | 'local';

export interface LockSource {
  kind: 'relative' | 'url' | 'github' | 'git-subdir' | 'npm' | 'unknown';
  /** Git repository holding the files (for a relative entry: the marketplace's repository). */
  url?: string;
  repo?: string;
  /** Path of the plugin inside the repository at `url` (or, with no url, the entry's relative path). */
  path?: string;
  ref?: string;
  /** The git commit the installed files came from. */
  commit?: string;
  package?: string;
  packageVersion?: string;
}

export interface LockDependency { id: string; range?: string; version?: string }

export interface LockEntry {
  id: string;
  version: string;
  scope: LockScope;
  registry: { name: string; source?: { source: string; [k: string]: unknown } };
  source: LockSource;
  dependencies: LockDependency[];
  integrity: string;
  /** path → "<f|x|l> <hex sha256>" */
  files: Record<string, string>;
  grade?: 'A' | 'B' | 'C' | 'D' | 'F';
  score?: number;
  findings?: LockFinding[];
  signer?: { issuer?: string; subject?: string; key?: string };
}

/** Static-analysis findings of a graded tree, counted per rule. */
export interface LockFinding { rule: string; severity: 'critical' | 'high' | 'medium' | 'low'; count: number }

export interface LockFile { lockfileVersion: 1; plugins: LockEntry[] }

export const LOCK_FILE_NAME = 'plugin-lock.json';
