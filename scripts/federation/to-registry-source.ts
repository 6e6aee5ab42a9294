import type { RegistrySource } from './types.ts';

/**
 * A marketplace source object as Claude Code stores it (settings, known_marketplaces.json) or as the
 * policy writes it, checked field by field. null for anything mp does not know how to read, which the
 * caller reports (an unknown source is never silently treated as something else).
 */
export function toRegistrySource(v: unknown): RegistrySource | null {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return null;
  const o = v as Record<string, unknown>;
  const s = (k: string) => (typeof o[k] === 'string' && (o[k] as string).length > 0 ? (o[k] as string) : undefined);
  const opt = (k: string) => (s(k) ? { [k]: s(k)! } : {});
  switch (o.source) {
    case 'directory':
    case 'file':
      return s('path') ? { source: o.source, path: s('path')! } : null;
    case 'git':
      return s('url') ? { source: 'git', url: s('url')!, ...opt('ref'), ...opt('path') } : null;
    case 'github':
      return s('repo') && /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(s('repo')!) ? { source: 'github', repo: s('repo')!, ...opt('ref'), ...opt('path') } : null;
    case 'url': {
      const headers = o.headers && typeof o.headers === 'object' && !Array.isArray(o.headers)
        ? Object.fromEntries(Object.entries(o.headers as Record<string, unknown>).filter((e): e is [string, string] => typeof e[1] === 'string'))
        : undefined;
      return s('url') && /^https?:\/\//.test(s('url')!) ? { source: 'url', url: s('url')!, ...(headers ? { headers } : {}) } : null;
    }
    case 'npm':
      return s('package') ? { source: 'npm', package: s('package')! } : null;
    case 'settings':
      return s('name') && Array.isArray(o.plugins) ? { source: 'settings', name: s('name')!, plugins: o.plugins } : null;
    default:
      return null;
  }
}

/** A short human form of a source (`owner/repo`, the URL, the path). */
export function describeSource(s: RegistrySource): string {
  switch (s.source) {
    case 'directory': case 'file': return s.path;
    case 'git': return s.url + (s.ref ? `#${s.ref}` : '') + (s.path ? ` (${s.path})` : '');
    case 'github': return s.repo + (s.ref ? `#${s.ref}` : '') + (s.path ? ` (${s.path})` : '');
    case 'url': return s.url;
    case 'npm': return `npm:${s.package}`;
    case 'settings': return `settings:${s.name}`;
  }
}
