/**
 * What the score is computed from. The io layer gathers these (git log, signature verification, the
 * policy, the plugin's files); the score functions are pure over them, with the clock passed in.
 */
import type { AnalysisNote, Finding } from '../types.ts';

export type SignatureFacts =
  | { status: 'verified'; signer: { kind: 'key'; keyId: string } | { kind: 'identity'; issuer: string; subject: string } }
  /** A bundle is present but its signer is not one the policy trusts (or no trust is configured). */
  | { status: 'untrusted'; code: string; reason: string }
  /** A bundle is present and fails verification (tampered tree, wrong plugin, bad signature). */
  | { status: 'invalid'; code: string; reason: string }
  | { status: 'unsigned' }
  /** Verification could not run at all (engine missing, I/O error). */
  | { status: 'unavailable'; reason: string };

export interface RegistryFacts {
  /** The marketplace the plugin comes from; absent for a plain directory. */
  name?: string;
  /** The policy lists this registry (registries[] or marketplaces.allow). */
  listed: boolean;
  /** Its priority in the policy (0 when unlisted). */
  priority: number;
  /** The policy pins this plugin name to this registry. */
  pinned: boolean;
  /** The policy blocks this registry or plugin. */
  blocked: boolean;
  /** Whether a policy was found at all. */
  policyFound: boolean;
}

export interface ManifestFacts {
  name: string;
  authorName?: string;
  authorEmail?: string;
  authorUrl?: string;
  repository?: string;
  homepage?: string;
  /** The license field (plugin.json, else package.json). */
  license?: string;
  /** Owner of the marketplace the plugin is listed in. */
  marketplaceOwner?: string;
}

export interface FileFacts {
  /** LICENSE/COPYING/COPYRIGHT file or a LICENSES/ directory; 'unknown' when the file set is known to be stripped. */
  licenseFile: boolean | 'unknown';
  readme: boolean | 'unknown';
}

export interface GitHistory {
  /** Newest first: author email (after .mailmap) and commit date. */
  commits: Array<{ sha: string; email: string; date: string }>;
}

export interface GradeInput {
  findings: Finding[];
  notes: AnalysisNote[];
  signature: SignatureFacts;
  registry: RegistryFacts;
  manifest: ManifestFacts;
  files: FileFacts;
  /** null when there is no git history (say why in historyNote). */
  history: GitHistory | null;
  historyNote?: string;
  /** A release date known from elsewhere (lockfile, marketplace), ISO 8601. */
  releasedAt?: string;
  /** The clock, passed in: ms since the epoch. */
  now: number;
}
