import type { SourceFacts } from '../policy/types.ts';
import type { RegistrySource } from './types.ts';

/**
 * The host a registry's content is fetched from, for the policy's host rules: 'local' for paths and
 * file:// URLs, github.com for GitHub shorthands, the URL host otherwise (scp-like git@host:path too).
 */
export function registrySourceFacts(source: RegistrySource): SourceFacts {
  switch (source.source) {
    case 'directory':
    case 'file':
      return { kind: source.source, host: 'local', url: source.path };
    case 'github':
      return { kind: 'github', host: 'github.com', url: `https://github.com/${source.repo}.git` };
    case 'git':
    case 'url':
      return { kind: source.source, host: urlHost(source.url), url: source.url };
    case 'npm':
      return { kind: 'npm', host: 'registry.npmjs.org', url: source.package };
    case 'settings':
      return { kind: 'settings', host: 'local' };
    default:
      return { kind: String((source as { source?: unknown }).source ?? 'unknown') };
  }
}

/**
 * A plugin entry's source (spec §2.3): a relative path inherits its registry's host; github, url,
 * git-subdir and npm name their own. Anything else keeps its kind so the policy denies it as unknown.
 */
export function pluginSourceFacts(entrySource: unknown, registry: RegistrySource): SourceFacts {
  if (typeof entrySource === 'string') {
    return entrySource.startsWith('./') && !entrySource.split('/').includes('..')
      ? { kind: 'relative', host: registrySourceFacts(registry).host, url: entrySource }
      : { kind: 'unknown' };
  }
  if (!entrySource || typeof entrySource !== 'object') return { kind: 'unknown' };
  const s = entrySource as Record<string, unknown>;
  const str = (k: string) => (typeof s[k] === 'string' ? (s[k] as string) : undefined);
  switch (s.source) {
    case 'github':
      return str('repo') ? { kind: 'github', host: 'github.com', url: `https://github.com/${str('repo')}.git` } : { kind: 'github' };
    case 'url':
      return { kind: 'url', host: urlHost(str('url')), url: str('url') };
    case 'git-subdir': {
      const url = str('url');
      if (url && /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(url)) return { kind: 'git-subdir', host: 'github.com', url };
      return { kind: 'git-subdir', host: urlHost(url), url };
    }
    case 'npm': {
      const registryUrl = str('registry');
      return { kind: 'npm', host: registryUrl ? urlHost(registryUrl) : 'registry.npmjs.org', url: str('package') };
    }
    default:
      return { kind: typeof s.source === 'string' ? s.source : 'unknown' };
  }
}

/** Lower-cased host of an http(s)/ssh/git URL or scp-like `user@host:path`; 'local' for file://; undefined when unparsable. */
export function urlHost(url: string | undefined): string | undefined {
  if (!url) return undefined;
  if (url.startsWith('file://')) return 'local';
  const scp = url.match(/^[A-Za-z0-9._-]+@([^:/]+):/);
  if (scp) return scp[1].toLowerCase();
  try {
    const host = new URL(url).hostname.toLowerCase();
    return host || undefined;
  } catch {
    return undefined;
  }
}
