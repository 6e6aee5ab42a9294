import { parse, type Node } from 'acorn';
import { parse as parseLoose } from 'acorn-loose';

export type ParsedJs = { ok: true; ast: Node; loose: boolean } | { ok: false; message: string };

/**
 * Parse JS as a module, then as a script, then with acorn-loose (TypeScript and broken files still give
 * a tree: types become noise, but calls and strings survive). Deep nesting can overflow the stack:
 * caught and reported, never thrown.
 */
export function parseJs(src: string, typescript: boolean): ParsedJs {
  const base = { ecmaVersion: 'latest' as const, locations: true, allowHashBang: true, allowReturnOutsideFunction: true, allowAwaitOutsideFunction: true, allowImportExportEverywhere: true };
  if (!typescript) {
    for (const sourceType of ['module', 'script'] as const) {
      try {
        return { ok: true, ast: parse(src, { ...base, sourceType }), loose: false };
      } catch (e) {
        if (e instanceof RangeError) return { ok: false, message: 'nesting too deep to parse' };
      }
    }
  }
  try {
    return { ok: true, ast: parseLoose(stripTypes(src), { ...base, sourceType: 'module' }) as unknown as Node, loose: true };
  } catch (e) {
    return { ok: false, message: e instanceof RangeError ? 'nesting too deep to parse' : String((e as Error)?.message ?? e).slice(0, 120) };
  }
}

/**
 * A light, line-preserving erasure of the TypeScript syntax acorn-loose trips on most (type-only
 * imports/exports, interfaces and type aliases, `as` casts, non-null `!`). Positions stay the same:
 * removed text becomes spaces.
 */
function stripTypes(src: string): string {
  const blank = (m: string): string => m.replace(/[^\n]/g, ' ');
  return src
    .replace(/^\s*(export\s+)?(declare\s+)?(interface|type)\s+\w+[^=\n{]*(=[^;\n]*;|\{[^}]*\})/gm, blank)
    .replace(/^\s*import\s+type\s+[^;\n]+;?/gm, blank)
    .replace(/\bas\s+(const|[A-Z]\w*(\[\])?|string|number|boolean|unknown|any)\b/g, blank);
}
