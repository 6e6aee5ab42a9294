// Minimal typing of the GopherJS build of mvdan/sh (pinned 0.10.1: node fields mirror Go's syntax package v3).
declare module 'mvdan-sh' {
  export interface ShPos { Line(): number; Col(): number; Offset(): number }
  /** Any syntax node; fields depend on NodeType(node). */
  export interface ShNode { Pos(): ShPos; End(): ShPos; [field: string]: any }
  export interface ShParser { Parse(src: string, name: string): ShNode }
  export interface ShSyntax {
    NewParser(...opts: unknown[]): ShParser;
    NodeType(node: ShNode): string;
    Walk(node: ShNode, fn: (node: ShNode | null) => boolean): void;
    KeepComments(on: boolean): unknown;
    Variant(lang: unknown): unknown;
    LangBash: unknown;
    LangPOSIX: unknown;
  }
  const sh: { syntax: ShSyntax };
  export default sh;
}
