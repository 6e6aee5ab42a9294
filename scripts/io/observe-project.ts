import { pathToFileURL } from 'node:url';
import { posix } from 'node:path';
import { isMpError } from '../core/errors.ts';
import { computeTreeDigest, type TreeDigest } from '../integrity/tree-digest.ts';
import type { ObservedPlugin } from '../lock/observed.ts';
import { nodeTreeFs } from './node-tree-fs.ts';
import { gitRepoOf } from './git.ts';
import { claudePaths, type ClaudePaths } from './claude-state/paths.ts';
import { installationFor, readInstalledPlugins, type Installation } from './claude-state/installed-plugins.ts';
import { registryCheckoutOrigin } from './registry-fetch/checkout-origin.ts';
import { readKnownMarketplaces, type KnownMarketplace } from './claude-state/known-marketplaces.ts';
import { readMarketplaceManifest, readPluginManifest } from './claude-state/manifests.ts';
import { parsePluginId } from './claude-state/plugin-id.ts';
import { projectEnabledPlugins, readAllSettings } from './claude-state/settings.ts';

export interface ObserveOptions {
  env: Record<string, string | undefined>;
  projectDir: string;
  /** How to digest an installed tree (default: a full mp1 walk; the SessionStart hook passes a cached one). */
  digest?: (installPath: string) => TreeDigest;
  /** Record marketplace sources and repositories (what `mp lock` needs; verify does not). */
  withSources?: boolean;
  /** Only these ids (default: every plugin of the project). */
  only?: ReadonlySet<string>;
}

/**
 * Everything Claude Code's real state says about the project's plugins: those enabled by
 * .claude/settings.json / settings.local.json, and those installed at project or local scope for this
 * project, each with its installation, marketplace entry, manifest and the digest of its installed tree.
 */
export function observeProject(opts: ObserveOptions): { observed: ObservedPlugin[]; installations: Installation[]; paths: ClaudePaths } {
  const paths = claudePaths(opts.env);
  const enabled = projectEnabledPlugins(readAllSettings(paths, opts.projectDir));
  const installations = readInstalledPlugins(paths);
  const ids = new Set(enabled.keys());
  for (const i of installations) if ((i.scope === 'project' || i.scope === 'local') && i.projectPath === opts.projectDir) ids.add(i.id);
  const known = readKnownMarketplaces(paths);
  const entries = new Map<string, Map<string, ObservedPlugin['entrySource']>>();
  const repos = new Map<string, ReturnType<typeof marketplaceRepo>>();
  const digest = opts.digest ?? ((p: string) => computeTreeDigest(p, nodeTreeFs, { strict: false }));
  const observed: ObservedPlugin[] = [];
  for (const id of [...ids].sort()) {
    if (opts.only && !opts.only.has(id)) continue;
    const { name, marketplace = '' } = parsePluginId(id);
    const inst = installationFor(installations, id, opts.projectDir);
    const o: ObservedPlugin = { id, name, marketplace, ...(enabled.has(id) ? { enabledScope: enabled.get(id) } : {}) };
    if (inst) {
      o.installation = { scope: inst.scope, projectPath: inst.projectPath, installPath: inst.installPath, version: inst.version, resolvedVersion: inst.resolvedVersion, gitCommitSha: inst.gitCommitSha, auto: inst.auto };
      try {
        o.tree = digest(inst.installPath);
      } catch (e) {
        if (!isMpError(e)) throw e;
        o.treeError = { code: e.code, message: e.message };
      }
      o.manifest = quietly(() => readPluginManifest(inst.installPath));
    }
    const m = known.get(marketplace);
    if (m && opts.withSources) {
      if (!repos.has(marketplace)) repos.set(marketplace, marketplaceRepo(m, opts.env));
      const { origin, ...repo } = repos.get(marketplace)!;
      o.registry = { name: marketplace, source: origin ? { source: 'git', url: origin } : m.source, ...repo };
      if (!entries.has(marketplace)) entries.set(marketplace, new Map(quietly(() => readMarketplaceManifest(m))?.plugins.map((p) => [p.name, p.source]) ?? []));
      o.entrySource = entries.get(marketplace)!.get(name);
    } else if (m) {
      o.registry = { name: marketplace, source: m.source };
    }
    observed.push(o);
  }
  return { observed, installations, paths };
}

/** The git repository a marketplace's relative plugins come from, and the marketplace root inside it. */
function marketplaceRepo(m: KnownMarketplace, env: Record<string, string | undefined>): { repoUrl?: string; repoPrefix?: string; origin?: string } {
  const s = m.source as { source: string; url?: unknown; repo?: unknown; path?: unknown };
  const prefixOf = (p: unknown) => (typeof p === 'string' && p.endsWith('.claude-plugin/marketplace.json') ? posix.dirname(posix.dirname(p)).replace(/^\.$/, '') : '');
  if (s.source === 'git' && typeof s.url === 'string') return { repoUrl: s.url, repoPrefix: prefixOf(s.path) };
  if (s.source === 'github' && typeof s.repo === 'string') return { repoUrl: `https://github.com/${s.repo}.git`, repoPrefix: prefixOf(s.path) };
  if (s.source === 'directory' && typeof s.path === 'string') {
    const repo = gitRepoOf(s.path);
    // mp's checkout of a registry Claude Code could not add by URL: record where it was cloned from.
    const origin = repo && repo.prefix === '' ? registryCheckoutOrigin(s.path, env) : undefined;
    if (origin) return { repoUrl: origin, repoPrefix: '', origin };
    if (repo) return { repoUrl: pathToFileURL(repo.top).href, repoPrefix: repo.prefix };
  }
  return {};
}

function quietly<T>(f: () => T): T | undefined {
  try {
    return f();
  } catch (e) {
    if (isMpError(e)) return undefined;
    throw e;
  }
}
