import { full } from 'acorn-walk';
import { memberText } from './fold.ts';
import { canonicalCallee, FS_READ } from './js-apis.ts';
import type { JsState, N } from './js-state.ts';

/** Does the expression read stdin (`fs.readFileSync(0)`, '/dev/stdin', process.stdin) or mention the transcript? */
export function readsInput(value: N, st: JsState): boolean {
  let hit = false;
  try {
    full(value, (m) => {
      const c = m as N;
      if (hit) return;
      if ((c.type === 'CallExpression') && FS_READ.test(canonicalCallee(c.callee, st.aliases)) && /^(0|\/dev\/stdin)$/.test(String(c.arguments?.[0]?.value ?? ''))) hit = true;
      else if (c.type === 'MemberExpression' && memberText(c) === 'process.stdin') hit = true;
      else if ((c.type === 'Identifier' && /^transcript(_path|Path)?$/.test(c.name)) || (c.type === 'Literal' && c.value === 'transcript_path')) hit = true;
    });
  } catch {
    return false;
  }
  return hit;
}
