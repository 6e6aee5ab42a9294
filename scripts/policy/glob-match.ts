/**
 * Name globs of the policy: `*` is any run of characters, `?` one character, the rest literal.
 * `caseInsensitive` is used for blocklists (so `Evil-Tool` cannot slip past `evil-*`) and hosts;
 * allowlists match exactly (the narrower reading is the safe one there).
 */
export function globMatch(pattern: string, value: string, caseInsensitive = false): boolean {
  return globRegExp(pattern, caseInsensitive).test(value);
}

/** A plugin glob with '@' is matched against the id `name@marketplace`, otherwise against the name. */
export function pluginGlobMatch(pattern: string, plugin: { name: string; id: string }, caseInsensitive = false): boolean {
  return globMatch(pattern, pattern.includes('@') ? plugin.id : plugin.name, caseInsensitive);
}

const cache = new Map<string, RegExp>();

function globRegExp(pattern: string, ci: boolean): RegExp {
  const key = (ci ? 'i:' : 's:') + pattern;
  let re = cache.get(key);
  if (!re) {
    const body = [...pattern].map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[\\^$.|+()[\]{}]/g, '\\$&'))).join('');
    re = new RegExp(`^${body}$`, ci ? 'is' : 's');
    cache.set(key, re);
  }
  return re;
}
