/** `name@marketplace` → parts. Claude's names never contain "@"; a bare name has no marketplace. */
export function parsePluginId(id: string): { name: string; marketplace: string | undefined } {
  const at = id.indexOf('@');
  return at < 0 ? { name: id, marketplace: undefined } : { name: id.slice(0, at), marketplace: id.slice(at + 1) };
}
