import { resolve } from 'node:path';
import type { RegistrySource } from './types.ts';

export type ParsedSource = { ok: true; source: RegistrySource } | { ok: false; code: 'REGISTRY_SOURCE_INVALID'; message: string };

export interface SourceContext {
  cwd: string;
  home: string;
  /** What is at an absolute path: 'file', 'dir', 'other' or null when missing (an fs adapter). */
  kindOf: (abs: string) => 'file' | 'dir' | 'other' | null;
}

/**
 * Read a registry source written the way `claude plugin marketplace add <source>` takes it
 * (same rules as Claude Code 2.1.197): `owner/repo[#ref|@ref]` → github; `git@host:…` or an https URL
 * ending in .git (or with /_git/), or any GitHub https URL → git; other http(s) → url (a
 * marketplace.json); `./`, `../`, `/`, `~` → directory, or file for a .json. One extension: a
 * `file://` URL is a git repository on this machine (Claude Code only takes those in settings).
 */
export function parseRegistrySource(text: string, ctx: SourceContext): ParsedSource {
  const t = text.trim();
  const bad = (message: string): ParsedSource => ({ ok: false, code: 'REGISTRY_SOURCE_INVALID', message });
  if (!t) return bad('empty registry source');
  const ssh = t.match(/^([a-zA-Z0-9._-]+@[^:]+:.+?(?:\.git)?)(#(.+))?$/);
  if (ssh?.[1]) return ok({ source: 'git', url: ssh[1], ...(ssh[3] ? { ref: ssh[3] } : {}) });
  if (/^(https?|file):\/\//.test(t)) {
    const m = t.match(/^([^#]+)(#(.+))?$/);
    const url = m?.[1] ?? t;
    const ref = m?.[3];
    const withRef = <T extends object>(s: T) => (ref ? { ...s, ref } : s);
    if (url.startsWith('file://') || url.endsWith('.git') || url.includes('/_git/')) return ok(withRef({ source: 'git' as const, url }));
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return ok({ source: 'url', url });
    }
    if (parsed.hostname.replace(/^(www\.)+/, '') === 'github.com' && /^\/([^/]+\/[^/]+?)(\/|\.git|$)/.test(parsed.pathname)) {
      return ok(withRef({ source: 'git' as const, url: url.endsWith('.git') ? url : `${url}.git` }));
    }
    return ok({ source: 'url', url });
  }
  if (t.startsWith('./') || t.startsWith('../') || t.startsWith('/') || t.startsWith('~')) {
    const abs = resolve(ctx.cwd, t.startsWith('~') ? t.replace(/^~/, ctx.home) : t);
    const kind = ctx.kindOf(abs);
    if (kind === null) return bad(`Path does not exist: ${abs}`);
    if (kind === 'dir') return ok({ source: 'directory', path: abs });
    if (kind === 'file') return abs.endsWith('.json') ? ok({ source: 'file', path: abs }) : bad(`File path must point to a .json file (marketplace.json), but got: ${abs}`);
    return bad(`Path is neither a file nor a directory: ${abs}`);
  }
  if (t.includes('/') && !t.startsWith('@') && !t.includes(':')) {
    const m = t.match(/^([^#@]+)(?:[#@](.+))?$/);
    const repo = m?.[1] ?? t;
    if (!/^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\/[A-Za-z0-9._-]+$/.test(repo)) return bad(`'${t}' is not a valid GitHub owner/repo shorthand`);
    return ok({ source: 'github', repo, ...(m?.[2] ? { ref: m[2] } : {}) });
  }
  return bad(`Invalid marketplace source format: '${t}'. Try: owner/repo, https://..., or ./path`);
}

function ok(source: RegistrySource): ParsedSource {
  return { ok: true, source };
}
