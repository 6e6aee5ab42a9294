import type { FsView } from '../fs-view.ts';
import type { ExtraFinding } from '../report.ts';

export type JsonObject = Record<string, unknown>;

/** The marketplace a plugin is listed in, when the target is a marketplace. */
export interface MarketplaceContext {
  /** The directory holding `.claude-plugin/` (relative sources resolve from here). */
  root: string;
  /** Absolute path of marketplace.json. */
  file: string;
  json: JsonObject;
  text: string;
  /** The entry this context is about; null for the context that carries marketplace-wide checks. */
  entry: JsonObject | null;
  index: number | null;
  /**
   * `{name}--v{version}` candidates: the git tags of the marketplace repo as Claude Code lists them
   * (`git ls-remote --tags`), or null when the marketplace is not a git repo. Read lazily.
   */
  tags(): readonly string[] | null;
}

/** Everything a load or lint rule may look at. Rules read files only through `fs`. */
export interface PluginContext {
  fs: FsView;
  /** Absolute plugin root; null when the plugin has no local directory (remote or missing source). */
  root: string | null;
  /** Absolute path of `.claude-plugin/plugin.json` (it may not exist). */
  manifestFile: string | null;
  /** plugin.json parsed to an object; null when absent, unreadable, invalid JSON or not an object. */
  manifest: JsonObject | null;
  manifestText: string | null;
  marketplace: MarketplaceContext | null;
  /**
   * Real path that reads stay inside: the marketplace root for a marketplace, else the plugin root
   * (null when unknown). Files whose real path leaves it are never read.
   */
  boundary: string | null;
}

export type LoadRule = (ctx: PluginContext) => ExtraFinding[];

export interface FindingInput {
  rule: string;
  severity: ExtraFinding['severity'];
  file: string;
  message: string;
  path?: string;
  line?: number;
  hint?: string;
}

export function loadFinding(f: FindingInput): ExtraFinding {
  return { level: 'load', ...f };
}

export function lintFinding(f: FindingInput): ExtraFinding {
  return { level: 'lint', ...f };
}

export function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A string or string[] field as a list (non-strings dropped: the schema level reports those). */
export function stringList(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

/** The name Claude Code installs the plugin under: the marketplace entry name, else plugin.json's. */
export function pluginLabel(ctx: PluginContext): string {
  const entryName = ctx.marketplace?.entry?.name;
  if (typeof entryName === 'string') return entryName;
  return typeof ctx.manifest?.name === 'string' ? ctx.manifest.name : '(unnamed plugin)';
}
