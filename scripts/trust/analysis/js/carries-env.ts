import { full } from 'acorn-walk';
import { memberText } from './fold.ts';
import { containsNode } from './contains-node.ts';
import type { N } from './js-state.ts';

/** Does the subtree hand over the whole environment (`{ json: process.env }`, `[process.env]`, `{...process.env}`)? */
export function carriesEnv(n: N): boolean {
  let found = false;
  try {
    full(n, (m) => {
      const c = m as N;
      if (!found && ((c.type === 'Property' && isWholeEnv(c.value)) || (c.type === 'ArrayExpression' && c.elements.some((e: N | null) => e && isWholeEnv(e))) || (c.type === 'ObjectExpression' && isWholeEnv(c)))) found = true;
    });
  } catch {
    return false;
  }
  return found;
}

/** `process.env` itself, or `{ ...process.env }`. */
export function isWholeEnv(n: N): boolean {
  return memberText(n) === 'process.env' || (n.type === 'ObjectExpression' && n.properties.length === 1 && n.properties[0].type === 'SpreadElement' && memberText(n.properties[0].argument) === 'process.env');
}

/** Does the subtree call `JSON.stringify(process.env)`? */
export function containsJsonEnv(n: N): boolean {
  return containsNode(n, (c) => memberText(c.callee) === 'JSON.stringify' && c.arguments?.[0] && isWholeEnv(c.arguments[0]));
}
