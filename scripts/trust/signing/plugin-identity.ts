import type { SignatureFs } from './signature-fs.ts';

/**
 * The name a plugin signature is bound to: `name` from .claude-plugin/plugin.json, else the directory
 * name (Claude Code's own rule for a plugin without a manifest). A caller that knows the name from
 * elsewhere (an installed copy lives in a directory named after its version) passes it instead.
 */
export function pluginIdentity(root: string, fs: SignatureFs): { name: string; version?: string } {
  const fallback = { name: root.replace(/\/+$/, '').split('/').pop() || root };
  let bytes;
  try {
    bytes = fs.readFile(`${root}/.claude-plugin/plugin.json`, 1 << 20);
  } catch {
    return fallback;
  }
  if (!(bytes instanceof Uint8Array)) return fallback;
  try {
    const doc = JSON.parse(Buffer.from(bytes).toString('utf8').replace(/^\uFEFF/, '')) as { name?: unknown; version?: unknown };
    if (typeof doc.name !== 'string' || doc.name === '') return fallback;
    return typeof doc.version === 'string' ? { name: doc.name, version: doc.version } : { name: doc.name };
  } catch {
    return fallback;
  }
}
