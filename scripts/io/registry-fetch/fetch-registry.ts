import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MpError } from '../../core/errors.ts';
import { readMarketplaceEntries } from '../../federation/read-marketplace-entries.ts';
import type { LoadedRegistry, RegistrySource, RegistrySpec } from '../../federation/types.ts';
import { fetchJsonUrl } from './fetch-json-url.ts';
import { gitCheckout, gitHead } from './git-checkout.ts';
import { marketplaceRootOf, readMarketplaceText, readRegistryTree } from './read-registry-tree.ts';

/** auto: use a fresh cache, fetch otherwise · offline: cache only · refresh: always fetch. */
export type FetchMode = 'auto' | 'offline' | 'refresh';

export interface FetchContext {
  cacheDir: string;
  env: Record<string, string | undefined>;
  mode: FetchMode;
  now: () => number;
  /** A cache younger than this is used as is in `auto` mode. */
  ttlMs: number;
  gitTimeoutMs: number;
  httpTimeoutMs: number;
  /** Read each plugin's commands, skills and agents from the tree (search, collisions). Default true. */
  components?: boolean;
}

interface CacheMeta { source: RegistrySource; fetchedAt: number; commit?: string }

/**
 * Load one registry. Claude Code's own copy (known_marketplaces.json installLocation) and local
 * directories/files are read in place; git, GitHub and URL registries go through the cache. Throws
 * MpError: REGISTRY_UNREACHABLE (fetch failed, or --offline without a cache), REGISTRY_INVALID,
 * REGISTRY_UNSUPPORTED (npm marketplaces).
 */
export async function fetchRegistry(spec: RegistrySpec, ctx: FetchContext): Promise<LoadedRegistry> {
  const s = spec.source;
  const claudeCopy = spec.installLocation ? claudeManifest(spec) : undefined;
  if (claudeCopy && existsSync(claudeCopy)) {
    const root = s.source === 'url' ? undefined : marketplaceRootOf(claudeCopy);
    const commit = root && (s.source === 'git' || s.source === 'github') ? gitHead(root, ctx.env) : undefined;
    return loaded(spec, readRegistryTree(claudeCopy, tree(root, ctx), spec.name), s.source === 'directory' || s.source === 'file' ? 'local' : 'claude', root, commit);
  }
  switch (s.source) {
    case 'directory':
      return loaded(spec, readRegistryTree(join(s.path, '.claude-plugin', 'marketplace.json'), tree(s.path, ctx), spec.name), 'local', s.path);
    case 'file':
      return loaded(spec, readRegistryTree(s.path, tree(marketplaceRootOf(s.path), ctx), spec.name), 'local', marketplaceRootOf(s.path));
    case 'git':
    case 'github':
      return fetchGit(spec, s.source === 'github' ? `https://github.com/${s.repo}.git` : s.url, s.ref, s.path, ctx);
    case 'url':
      return fetchUrl(spec, s.url, s.headers, ctx);
    case 'settings': {
      const read = readMarketplaceEntries({ name: s.name, plugins: s.plugins });
      if (!read.ok) throw new MpError(read.code, `registry ${spec.name}: ${read.message}`);
      return loaded(spec, read, 'local');
    }
    case 'npm':
      throw new MpError('REGISTRY_UNSUPPORTED', `registry ${spec.name}: npm marketplaces (${s.package}) cannot be read by mp yet`, { hint: 'let Claude Code add it (claude plugin marketplace add), then mp reads its copy' });
  }
}

async function fetchGit(spec: RegistrySpec, url: string, ref: string | undefined, path: string | undefined, ctx: FetchContext): Promise<LoadedRegistry> {
  const dir = join(ctx.cacheDir, 'git', cacheKey(spec));
  const meta = readMeta(`${dir}.meta.json`);
  const cached = existsSync(join(dir, '.git')) && meta !== undefined;
  let via: LoadedRegistry['via'] = 'cache';
  let commit = meta?.commit;
  if (ctx.mode === 'offline' && !cached) throw notCached(spec);
  if (ctx.mode === 'refresh' || (ctx.mode === 'auto' && (!cached || ctx.now() - meta!.fetchedAt > ctx.ttlMs))) {
    commit = gitCheckout({ url, ...(ref ? { ref } : {}), dir, timeoutMs: ctx.gitTimeoutMs, env: ctx.env });
    writeMeta(`${dir}.meta.json`, { source: spec.source, fetchedAt: ctx.now(), commit });
    via = 'fetched';
  }
  const manifest = join(dir, path ?? '.claude-plugin/marketplace.json');
  const root = marketplaceRootOf(manifest);
  return loaded(spec, readRegistryTree(manifest, tree(root, ctx), spec.name), via, root, commit);
}

async function fetchUrl(spec: RegistrySpec, url: string, headers: Record<string, string> | undefined, ctx: FetchContext): Promise<LoadedRegistry> {
  const file = join(ctx.cacheDir, 'url', `${cacheKey(spec)}.json`);
  const meta = readMeta(`${file}.meta.json`);
  const cached = existsSync(file) && meta !== undefined;
  if (ctx.mode === 'offline' && !cached) throw notCached(spec);
  if (ctx.mode === 'refresh' || (ctx.mode === 'auto' && (!cached || ctx.now() - meta!.fetchedAt > ctx.ttlMs))) {
    const text = await fetchJsonUrl(url, headers, ctx.httpTimeoutMs);
    const read = readMarketplaceText(text, spec.name);
    atomicWrite(file, text);
    writeMeta(`${file}.meta.json`, { source: spec.source, fetchedAt: ctx.now() });
    return loaded(spec, read, 'fetched');
  }
  return loaded(spec, readMarketplaceText(readFileSync(file, 'utf8'), spec.name), 'cache');
}

function loaded(spec: RegistrySpec, read: { name: string; plugins: LoadedRegistry['plugins'] }, via: LoadedRegistry['via'], root?: string, commit?: string): LoadedRegistry {
  return { spec, marketplaceName: read.name, plugins: read.plugins, via, ...(root ? { root } : {}), ...(commit ? { commit } : {}) };
}

/** The tree to read components from, or none when the caller only needs the entries (the hook). */
function tree(root: string | undefined, ctx: FetchContext): string | undefined {
  return ctx.components === false ? undefined : root;
}

function claudeManifest(spec: RegistrySpec): string | undefined {
  const s = spec.source;
  const loc = spec.installLocation!;
  if (s.source === 'file') return s.path;
  if (s.source === 'directory') return join(s.path, '.claude-plugin', 'marketplace.json');
  if (loc.endsWith('.json')) return loc;
  if ((s.source === 'git' || s.source === 'github') && s.path) return join(loc, s.path);
  return join(loc, '.claude-plugin', 'marketplace.json');
}

/** Cache entries are keyed by source (kind, location, ref), so a changed source never reuses a stale copy. */
function cacheKey(spec: RegistrySpec): string {
  return `${spec.source.source}-${createHash('sha256').update(JSON.stringify(spec.source)).digest('hex').slice(0, 24)}`;
}

function notCached(spec: RegistrySpec): MpError {
  return new MpError('REGISTRY_UNREACHABLE', `registry ${spec.name} is not cached and --offline forbids fetching it`, { hint: 'run mp registry update once while online' });
}

function readMeta(path: string): CacheMeta | undefined {
  try {
    const v = JSON.parse(readFileSync(path, 'utf8')) as CacheMeta;
    return typeof v.fetchedAt === 'number' ? v : undefined;
  } catch {
    return undefined;
  }
}

/** Headers may carry tokens: they are never written to the cache. */
function writeMeta(path: string, meta: CacheMeta): void {
  const { headers: _secret, ...source } = meta.source as RegistrySource & { headers?: unknown };
  atomicWrite(path, JSON.stringify({ ...meta, source }, null, 2) + '\n');
}

function atomicWrite(path: string, text: string): void {
  mkdirSync(join(path, '..'), { recursive: true });
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, text);
  renameSync(tmp, path);
}
