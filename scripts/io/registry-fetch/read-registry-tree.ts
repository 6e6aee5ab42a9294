import { lstatSync, readFileSync, realpathSync } from 'node:fs';
import { basename, dirname, join, sep } from 'node:path';
import { MpError, truncate } from '../../core/errors.ts';
import { readMarketplaceEntries } from '../../federation/read-marketplace-entries.ts';
import type { RegistryPlugin } from '../../federation/types.ts';
import { readPluginComponents } from './read-plugin-components.ts';

const MAX_MANIFEST_BYTES = 16 * 1024 * 1024;

/**
 * Read a marketplace.json from disk and, when `root` (the directory holding .claude-plugin/) is given,
 * each relative plugin's components. Throws REGISTRY_INVALID (not JSON, no name or plugins) or
 * REGISTRY_UNREACHABLE (file missing). Plugin paths that leave the registry tree are not read.
 */
export function readRegistryTree(manifestPath: string, root: string | undefined, label: string): { name: string; plugins: RegistryPlugin[] } {
  return readMarketplaceText(readManifestText(manifestPath, label), label, root);
}

export function readMarketplaceText(text: string, label: string, root?: string): { name: string; plugins: RegistryPlugin[] } {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new MpError('REGISTRY_INVALID', `registry ${label}: marketplace.json is not JSON — ${truncate(e instanceof Error ? e.message : String(e))}`, { hint: 'fix the marketplace.json (mp validate checks it)' });
  }
  const read = readMarketplaceEntries(json);
  if (!read.ok) throw new MpError(read.code, `registry ${label}: ${read.message}`, { hint: 'fix the marketplace.json (mp validate checks it)' });
  if (!root) return { name: read.name, plugins: read.plugins };
  let realRoot: string;
  try {
    realRoot = realpathSync(root);
  } catch {
    return { name: read.name, plugins: read.plugins };
  }
  const plugins = read.plugins.map((p) => {
    if (typeof p.source !== 'string' || !p.source.startsWith('./') || p.source.split('/').includes('..')) return p;
    const dir = join(root, p.source);
    let real: string;
    try {
      real = realpathSync(dir);
    } catch {
      return p;
    }
    if (real !== realRoot && !real.startsWith(realRoot + sep)) return p;
    const { namespace, components } = readPluginComponents(real, p.name);
    return { ...p, namespace, components, root: real };
  });
  return { name: read.name, plugins };
}

/** The marketplace root for a marketplace.json path: the parent of .claude-plugin/, else its directory. */
export function marketplaceRootOf(manifestPath: string): string {
  const dir = dirname(manifestPath);
  return basename(dir) === '.claude-plugin' ? dirname(dir) : dir;
}

function readManifestText(path: string, label: string): string {
  let size: number;
  try {
    size = lstatSync(path).size;
  } catch (e) {
    throw new MpError('REGISTRY_UNREACHABLE', `registry ${label}: ${path} — ${(e as NodeJS.ErrnoException).code ?? String(e)}`, { hint: 'check the registry path (a directory holding .claude-plugin/marketplace.json, or the file itself)' });
  }
  if (size > MAX_MANIFEST_BYTES) throw new MpError('REGISTRY_INVALID', `registry ${label}: ${path} is ${size} bytes (limit ${MAX_MANIFEST_BYTES})`, { hint: 'this is not a marketplace.json' });
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw new MpError('REGISTRY_UNREACHABLE', `registry ${label}: could not read ${path} — ${(e as NodeJS.ErrnoException).code ?? String(e)}`, { hint: 'check the file permissions' });
  }
}
