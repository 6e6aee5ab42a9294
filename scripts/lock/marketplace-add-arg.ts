import type { RegistrySource } from '../federation/types.ts';

/**
 * The argument `claude plugin marketplace add` needs to register `source`, in the forms its parser
 * accepts (spec §5.1): a path for directory/file, owner/repo[#ref] for github, an https …​.git or
 * user@host:path URL [#ref] for git, an https URL for url. null when the CLI cannot express it (a
 * file:// git URL, a path inside a repository, headers, npm, inline settings): such a marketplace has to
 * be declared in settings (extraKnownMarketplaces) and materialised by Claude Code itself.
 */
export function marketplaceAddArg(source: RegistrySource): string | null {
  switch (source.source) {
    case 'directory':
    case 'file':
      return source.path.startsWith('/') ? source.path : null;
    case 'github':
      return source.path ? null : source.repo + (source.ref ? `#${source.ref}` : '');
    case 'git': {
      if (source.path) return null;
      const accepted = /^[a-zA-Z0-9._-]+@[^:]+:.+/.test(source.url) || (/^https?:\/\//.test(source.url) && (source.url.endsWith('.git') || source.url.includes('/_git/')));
      return accepted ? source.url + (source.ref ? `#${source.ref}` : '') : null;
    }
    case 'url':
      return source.headers ? null : source.url;
    default:
      return null;
  }
}
