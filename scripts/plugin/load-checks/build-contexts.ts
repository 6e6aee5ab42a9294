import { basename, dirname, join } from 'node:path';
import type { FsView } from '../fs-view.ts';
import { isObject, type JsonObject, type MarketplaceContext, type PluginContext } from './plugin-context.ts';
import { readJson } from './support/read-json.ts';

export interface CheckTarget {
  kind: 'plugin' | 'marketplace';
  /** Absolute path of the manifest that was validated (plugin.json or marketplace.json). */
  file: string;
}

/** Lists a repository's tags (the io adapter runs `git ls-remote --tags`); null when it is not a git repo. */
export type TagReader = (repoDir: string) => readonly string[] | null;

/**
 * The contexts the load and lint rules run on. A plugin target gives one context. A marketplace gives
 * one context per object entry (with the plugin's directory when its source is a local path that
 * exists) plus one marketplace-wide context (entry null). Unparseable manifests give no context: the
 * claude level already reports them.
 */
export function buildContexts(target: CheckTarget, fs: FsView, readTags: TagReader = () => null): PluginContext[] {
  const root = rootOf(target.file);
  const boundary = fs.realpath(root);
  if (target.kind === 'plugin') return [pluginContext(fs, root, null, boundary)];
  const read = readJson(fs, target.file, boundary);
  if (!read.ok || !isObject(read.value)) return [];
  const json = read.value;
  let tags: readonly string[] | null | undefined;
  const market = (entry: JsonObject | null, index: number | null): MarketplaceContext => ({
    root, file: target.file, json, text: read.text, entry, index,
    tags: () => (tags === undefined ? (tags = readTags(root)) : tags),
  });
  const bare = (marketplace: MarketplaceContext): PluginContext => ({ fs, root: null, manifestFile: null, manifest: null, manifestText: null, marketplace, boundary });
  const contexts: PluginContext[] = [bare(market(null, null))];
  const plugins = Array.isArray(json.plugins) ? json.plugins : [];
  plugins.forEach((entry, i) => {
    if (!isObject(entry)) return;
    const dir = localSourceDir(fs, root, entry.source);
    contexts.push(dir === null ? bare(market(entry, i)) : pluginContext(fs, dir, market(entry, i), boundary));
  });
  return contexts;
}

function pluginContext(fs: FsView, root: string, marketplace: MarketplaceContext | null, boundary: string | null): PluginContext {
  const manifestFile = join(root, '.claude-plugin', 'plugin.json');
  const read = readJson(fs, manifestFile, boundary);
  const manifest = read.ok && isObject(read.value) ? read.value : null;
  return { fs, root, manifestFile, manifest, manifestText: read.ok ? read.text : null, marketplace, boundary };
}

/** `<root>/.claude-plugin/x.json` → `<root>`; any other file → its directory. */
export function rootOf(file: string): string {
  const dir = dirname(file);
  return basename(dir) === '.claude-plugin' ? dirname(dir) : dir;
}

/** The directory of a relative (`./…`) source when it exists, resolved from the marketplace root. */
function localSourceDir(fs: FsView, marketRoot: string, source: unknown): string | null {
  if (typeof source !== 'string' || !source.startsWith('./') && source !== '.') return null;
  if (source.split(/[\\/]/).includes('..')) return null;
  const dir = join(marketRoot, source);
  return fs.stat(dir)?.type === 'dir' ? dir : null;
}
