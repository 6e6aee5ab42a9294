import type { ShNode, ShSyntax } from 'mvdan-sh';

/** The literal words and parameter names of some statements, space-separated (at most 200 parts). */
export function stmtsSource(sx: ShSyntax, stmts: ShNode[]): string {
  const parts: string[] = [];
  for (const s of stmts) {
    try {
      sx.Walk(s, (n) => {
        if (n && sx.NodeType(n) === 'Lit') parts.push(String(n.Value));
        if (n && sx.NodeType(n) === 'ParamExp') parts.push(`\${${String(n.Param?.Value ?? '')}}`);
        return parts.length < 200;
      });
    } catch {
      break;
    }
  }
  return parts.join(' ');
}
