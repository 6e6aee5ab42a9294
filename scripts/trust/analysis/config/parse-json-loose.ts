/** JSON.parse that never throws, tolerates a BOM, and refuses absurd nesting (a hostile file cannot blow the stack later). */
export function parseJsonLoose(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  const src = text.replace(/^\uFEFF/, '');
  let depth = 0;
  let max = 0;
  let inStr = false;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (inStr) {
      if (c === '\\') i++;
      else if (c === '"') inStr = false;
    } else if (c === '"') inStr = true;
    else if (c === '{' || c === '[') max = Math.max(max, ++depth);
    else if (c === '}' || c === ']') depth--;
  }
  if (max > 200) return { ok: false, message: `JSON nested ${max} levels deep` };
  try {
    return { ok: true, value: JSON.parse(src) };
  } catch (e) {
    return { ok: false, message: e instanceof Error ? e.message.slice(0, 160) : 'invalid JSON' };
  }
}
