/**
 * The policy model: the file as written (PolicyDoc, validated against schemas/policy.schema.json),
 * the merged view every decision reads (EffectivePolicy), and what a decision is made from (PluginFacts).
 */
export type Grade = 'A' | 'B' | 'C' | 'D' | 'F';
export type Severity = 'critical' | 'high' | 'medium' | 'low';
export type SourceKind = 'relative' | 'directory' | 'file' | 'git' | 'github' | 'url' | 'git-subdir' | 'npm' | 'settings';
export const SOURCE_KINDS: readonly SourceKind[] = ['relative', 'directory', 'file', 'git', 'github', 'url', 'git-subdir', 'npm', 'settings'];
export type ShadowingMode = 'deny' | 'highest' | 'allow';
export type UnreachableMode = 'deny' | 'skip';

export type RegistrySourceDoc =
  | string
  | { source: 'directory' | 'file'; path: string }
  | { source: 'git'; url: string; ref?: string; path?: string }
  | { source: 'github'; repo: string; ref?: string; path?: string }
  | { source: 'url'; url: string };

export interface SignatureRequirement {
  plugins?: string[];
  registries?: string[];
  keys?: string[];
  identities?: Array<{ issuer: string; subject: string }>;
}

/**
 * A requirement as decide() reads it. `keys` are PEM paths or inline PEM, so comparing them with a
 * signer needs I/O: the io layer (scripts/io/resolve-trust-keys.ts) sets `keyIds` (`sha256:<hex>`, the
 * Sigstore key id) or `keyError` when a key cannot be used. Unresolved keys never satisfy a requirement.
 */
export type EffectiveSignatureRequirement = Tagged<SignatureRequirement> & { keyIds?: string[]; keyError?: string };

/** `.claude/policies/plugins.yaml` as written. */
export interface PolicyDoc {
  $schema?: string;
  version?: 1;
  requireOrgPolicy?: boolean;
  requireLockfile?: boolean;
  plugins?: { allow?: string[]; block?: string[] };
  marketplaces?: { allow?: string[]; block?: string[] };
  sources?: { allowHosts?: string[]; blockHosts?: string[]; allowKinds?: SourceKind[] };
  registries?: Array<{ name: string; source?: RegistrySourceDoc; priority?: number }>;
  pins?: Record<string, string>;
  shadowing?: ShadowingMode;
  onUnreachable?: UnreachableMode;
  trust?: { minGrade?: Grade; requireSignature?: SignatureRequirement[]; denySeverities?: Severity[] };
}

export type Origin = 'org' | 'project';
/** One policy file that takes part in the merge, org first. */
export interface PolicyLayer { origin: Origin; path: string; doc: PolicyDoc }

/** A value together with the layer that set it, so explain() can name the file. */
export interface Tagged<T> { value: T; origin: Origin; path: string }
/** An allowlist of one layer: a name must match one pattern of EVERY layer's list (intersection). */
export interface AllowLayer { origin: Origin; path: string; patterns: string[] }

export interface EffectiveRegistry { name: string; source?: RegistrySourceDoc; priority: number; origin: Origin; path: string }

/** Why the policy itself cannot be trusted; when set, every decision denies (fail closed). */
export interface PolicyFailure { code: string; rule: string; reason: string }

export interface EffectivePolicy {
  failure: PolicyFailure | null;
  /** The files that were merged, org first. Empty when there is no policy at all. */
  layers: Array<{ origin: Origin; path: string }>;
  plugins: { allow: AllowLayer[]; block: Array<Tagged<string>> };
  marketplaces: { allow: AllowLayer[]; block: Array<Tagged<string>> };
  hosts: { allow: AllowLayer[]; block: Array<Tagged<string>> };
  kinds: { allow: Array<{ origin: Origin; path: string; kinds: SourceKind[] }> };
  registries: EffectiveRegistry[];
  pins: Array<{ pattern: string; registry: string; origin: Origin; path: string }>;
  shadowing: Tagged<ShadowingMode> | { value: ShadowingMode; origin: 'default'; path: '' };
  onUnreachable: Tagged<UnreachableMode> | { value: UnreachableMode; origin: 'default'; path: '' };
  requireLockfile: Tagged<boolean> | null;
  requireOrgPolicy: Tagged<boolean> | null;
  trust: {
    minGrade: Tagged<Grade> | null;
    requireSignature: EffectiveSignatureRequirement[];
    denySeverities: Array<Tagged<Severity>>;
  };
  /** What the merge changed or ignored because the project may only tighten the org. */
  notes: string[];
}

/** Where a plugin's code (or a marketplace) comes from. `host` is 'local' for paths on this machine. */
export interface SourceFacts { kind: string; host?: string; url?: string }

export interface Signer { issuer?: string; subject?: string; key?: string }
export interface Finding { severity: Severity; rule?: string; message?: string }

/**
 * Everything decide() looks at. Optional facts that a rule needs but that are absent deny
 * ("unknown is denied"): e.g. no `grade` under trust.minGrade, no `alsoIn` when shadowing is governed.
 */
export interface PluginFacts {
  /** `name@marketplace`. */
  id: string;
  name: string;
  marketplace: string;
  /** The federation registry that provides it; absent = not offered by any known registry. */
  registry?: string;
  /** Host the plugin's code is fetched from ('local' for paths; a relative source inherits its marketplace's). */
  sourceHost?: string;
  /** The plugin entry's source kind (relative, github, url, git-subdir, npm, or something unknown). */
  source?: SourceFacts;
  /** Where the marketplace providing it comes from; checked with the same source rules when given. */
  registrySource?: SourceFacts;
  /** Other registries offering the same name (any priority); [] when none. */
  alsoIn?: string[];
  /** The registries among alsoIn with a higher priority than `registry`. */
  shadowedBy?: string[];
  /** Registries that could not be fetched; under onUnreachable: deny they make an unpinned resolution unsure. */
  unreachable?: string[];
  /** True when the plugin is (or is being) recorded in plugin-lock.json. */
  locked?: boolean;
  version?: string;
  grade?: Grade;
  signer?: Signer;
  findings?: Finding[];
}

/** Facts about a marketplace about to be added (or already known). `name` may be unknown before fetching. */
export interface MarketplaceFacts { name?: string; source: SourceFacts }

export interface RuleHit { rule: string; effect: 'allow' | 'deny'; reason: string; origin?: Origin | 'default'; path?: string }
export interface Decision {
  allow: boolean;
  /** The rule that decided: the first denying rule, else `allowed`. */
  rule: string;
  reason: string;
  /** Every rule that applied, in evaluation order. */
  matched: RuleHit[];
}
