import { osaDistance } from './osa-distance.ts';
import type { Issue } from './report.ts';

/** Keys that other manifest formats use; Claude names the format instead of guessing a typo. */
const COMMONLY_SEEN: ReadonlyMap<string, string> = new Map([
  ...['publisher', 'engines', 'categories', 'icon', 'contributes', 'activationEvents', 'preview'].map((k) => [k, 'a VS Code/Cursor extension manifest'] as const),
  ...['main', 'type', 'files', 'bin', 'scripts', 'private', 'bugs', 'contributors'].map((k) => [k, 'an npm package.json'] as const),
  ...['dxt_version', 'mcpb_version', 'user_config', 'compatibility'].map((k) => [k, 'an MCPB/DXT manifest'] as const),
  ...['server', 'tools', 'prompts', 'resources'].map((k) => [k, 'an MCP server manifest'] as const),
  ...['logo', 'readme', 'changelog', 'support', 'privacy_policy', 'privacy_policies', 'terms_of_service', '_comment'].map((k) => [k, 'manifests across many tools'] as const),
  ...['$id', '$comment'].map((k) => [k, 'a JSON Schema document'] as const),
]);

/** Cross-tool spellings of a Claude Code key. */
const CROSS_TOOL: ReadonlyMap<string, string> = new Map([['user_config', 'userConfig']]);

/** plugin.json keys that only mean something in a marketplace entry. */
export const MARKETPLACE_ENTRY_ONLY_KEYS: ReadonlySet<string> = new Set(['category', 'source', 'tags', 'strict', 'id', 'relevance']);

/**
 * One warning per key of `obj` not in `known`, in the object's key order, worded as Claude words it.
 * `known` must be in the schema's key order: the first strictly closer key wins "did you mean".
 */
export function unknownKeyWarnings(obj: object, known: readonly string[], prefix: string, entryOnly?: ReadonlySet<string>): Issue[] {
  const knownSet = new Set(known);
  const out: Issue[] = [];
  for (const key of Object.keys(obj)) {
    if (knownSet.has(key)) continue;
    out.push({ path: prefix ? `${prefix}.${key}` : key, message: unknownKeyMessage(key, known, knownSet, entryOnly) });
  }
  return out;
}

function unknownKeyMessage(key: string, known: readonly string[], knownSet: ReadonlySet<string>, entryOnly?: ReadonlySet<string>): string {
  if (entryOnly?.has(key)) {
    return `Field '${key}' belongs in the marketplace entry (marketplace.json), not plugin.json. It's harmless here but unused — Claude Code ignores it at load time.`;
  }
  const suggestion = didYouMean(key, known);
  if (suggestion) return `Unknown field '${key}' — did you mean '${suggestion}'? Claude Code ignores unrecognized fields at load time, so this field has no effect.`;
  const crossTool = CROSS_TOOL.get(key);
  if (crossTool && knownSet.has(crossTool)) {
    return `Field '${key}' is the cross-tool spelling of Claude Code's '${crossTool}'. Rename it to '${crossTool}' for Claude Code to read it (the option shapes differ slightly — re-run validate after renaming to check). As-is, Claude Code ignores it at load time.`;
  }
  const seenIn = COMMONLY_SEEN.get(key);
  if (seenIn) return `Unknown field '${key}' (commonly seen in ${seenIn}). Claude Code ignores unrecognized fields at load time, so it's safe to keep.`;
  return `Unknown field '${key}'. Claude Code ignores it at load time.`;
}

/** Allowed distance: 1 for keys of length ≤ 3, else 2; an exact case-insensitive match wins at once. */
function didYouMean(key: string, known: readonly string[]): string | undefined {
  if (COMMONLY_SEEN.has(key)) return undefined;
  const max = key.length <= 3 ? 1 : 2;
  const lower = key.toLowerCase();
  let best: string | undefined;
  let bestDistance = max + 1;
  for (const candidate of known) {
    if (Math.abs(candidate.length - key.length) > max) continue;
    if (candidate.toLowerCase() === lower) return candidate;
    const d = osaDistance(key, candidate);
    if (d < bestDistance) {
      bestDistance = d;
      best = candidate;
    }
  }
  return best;
}
