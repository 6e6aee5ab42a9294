import { existsSync, lstatSync, readFileSync, realpathSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { MpError } from '../core/errors.ts';
import { EXIT } from '../core/exit-codes.ts';
import { installationFor, readInstalledPlugins } from './claude-state/installed-plugins.ts';
import { readKnownMarketplaces } from './claude-state/known-marketplaces.ts';
import { marketplaceManifestPath, readMarketplaceManifest } from './claude-state/manifests.ts';
import { claudePaths } from './claude-state/paths.ts';
import { parsePluginId } from './claude-state/plugin-id.ts';

export interface TrustTarget {
  /** The directory whose files are analysed. */
  dir: string;
  name: string;
  marketplace?: string;
  /** Where its git history lives (the marketplace clone for a relative entry), when not `dir` itself. */
  historyDir: string;
  marketplaceOwner?: string;
  /** The marketplace entry listing the plugin (its author/homepage/repository/license fill plugin.json's gaps). */
  entry?: Record<string, unknown>;
}

/**
 * `mp trust <plugin-dir|name@marketplace>`: a directory is taken as is; a plugin id is looked up in the
 * installations Claude Code recorded for this project (its cache copy), else in the known marketplace's
 * own checkout (relative entries only). Errors are coded: TRUST_TARGET_NOT_FOUND (exit 2).
 */
export function resolveTrustTarget(arg: string, cwd: string, env: Record<string, string | undefined>): TrustTarget {
  const abs = resolve(cwd, arg);
  if (existsSync(abs)) {
    if (!lstatSync(abs).isDirectory()) throw new MpError('TRUST_TARGET_NOT_DIR', `${arg} is not a directory`, { hint: 'pass a plugin directory (the one holding .claude-plugin/) or name@marketplace', exitCode: EXIT.ERROR });
    const dir = realpathSync(abs);
    const owner = marketplaceAbove(dir);
    return { dir, name: basename(dir), historyDir: dir, ...(owner ? { marketplace: owner.name, ...(owner.owner ? { marketplaceOwner: owner.owner } : {}), ...(owner.entry ? { entry: owner.entry } : {}) } : {}) };
  }
  const { name, marketplace } = parsePluginId(arg);
  if (!marketplace) throw new MpError('TRUST_TARGET_NOT_FOUND', `no directory ${arg} and it is not a plugin id (name@marketplace)`, { hint: 'pass a plugin directory or name@marketplace', exitCode: EXIT.ERROR });
  const paths = claudePaths(env);
  const known = readKnownMarketplaces(paths).get(marketplace);
  const mkt = known ? readMarketplaceManifest(known) : undefined;
  const entry = mkt?.plugins.find((p) => p.name === name);
  const owner = mkt && typeof (mkt as Record<string, unknown>).owner === 'object' ? String(((mkt as Record<string, unknown>).owner as Record<string, unknown>).name ?? '') || undefined : undefined;
  const mktRoot = known ? dirname(dirname(marketplaceManifestPath(known))) : undefined;
  const relDir = entry && typeof entry.source === 'string' && mktRoot ? resolve(mktRoot, entry.source) : undefined;
  const installed = installationFor(readInstalledPlugins(paths), `${name}@${marketplace}`, env.CLAUDE_PROJECT_DIR || cwd);
  const dir = installed && existsSync(installed.installPath) ? installed.installPath : relDir && existsSync(relDir) ? relDir : undefined;
  if (!dir) {
    throw new MpError('TRUST_TARGET_NOT_FOUND', `${name}@${marketplace} is neither installed nor a local entry of a known marketplace`, { hint: 'install it first (claude plugin install), or pass the plugin directory', exitCode: EXIT.ERROR });
  }
  return { dir, name, marketplace, historyDir: relDir && existsSync(relDir) ? relDir : dir, ...(owner ? { marketplaceOwner: owner } : {}), ...(entry ? { entry: entry as Record<string, unknown> } : {}) };
}

/** A plugin directory inside a marketplace checkout (…/<mkt>/plugins/<name>): the marketplace's name, owner and the entry for `dir`. */
function marketplaceAbove(dir: string): { name: string; owner?: string; entry?: Record<string, unknown> } | undefined {
  let d = dir;
  for (let i = 0; i < 4; i++) {
    const f = join(d, '.claude-plugin', 'marketplace.json');
    if (existsSync(f)) {
      try {
        const m = JSON.parse(readFileSync(f, 'utf8')) as { name?: unknown; owner?: { name?: unknown }; plugins?: unknown };
        if (typeof m.name !== 'string') return undefined;
        const entry = Array.isArray(m.plugins) ? m.plugins.find((p) => p && typeof p === 'object' && typeof (p as Record<string, unknown>).source === 'string' && resolve(d, (p as Record<string, string>).source) === dir) : undefined;
        return { name: m.name, ...(typeof m.owner?.name === 'string' ? { owner: m.owner.name } : {}), ...(entry ? { entry: entry as Record<string, unknown> } : {}) };
      } catch {
        return undefined;
      }
    }
    const up = dirname(d);
    if (up === d) break;
    d = up;
  }
  return undefined;
}
