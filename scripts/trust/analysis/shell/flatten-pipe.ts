import type { ShNode } from 'mvdan-sh';

/** The stages of a pipeline (`a | b |& c`), nested pipes flattened, backgrounded stages kept whole. */
export function flattenPipe(cmd: ShNode): ShNode[] {
  const out: ShNode[] = [];
  const visit = (s: ShNode, depth: number): void => {
    const c = s?.Cmd;
    if (depth < 200 && c && c.Op !== undefined && (c.Op === 12 || c.Op === 13) && c.X && c.Y && !s.Background) {
      visit(c.X, depth + 1);
      visit(c.Y, depth + 1);
    } else out.push(s);
  };
  visit(cmd.X, 0);
  visit(cmd.Y, 0);
  return out;
}
