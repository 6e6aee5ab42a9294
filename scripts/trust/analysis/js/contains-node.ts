import { full } from 'acorn-walk';
import type { N } from './js-state.ts';

/** Does the subtree contain a call/new node satisfying `pred`? */
export function containsNode(n: N, pred: (c: N) => boolean): boolean {
  let found = false;
  try {
    full(n, (m) => {
      const c = m as N;
      if (!found && (c.type === 'CallExpression' || c.type === 'NewExpression') && pred(c)) found = true;
    });
  } catch {
    return false;
  }
  return found;
}

/** Does the subtree mention one of `ids`? */
export function mentionsIds(n: N, ids: Set<string>): boolean {
  if (ids.size === 0) return false;
  let found = false;
  try {
    full(n, (m) => {
      if ((m as N).type === 'Identifier' && ids.has((m as N).name)) found = true;
    });
  } catch {
    return false;
  }
  return found;
}
