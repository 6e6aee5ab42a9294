// Compare two `claude plugin validate` outputs the way the conformance corpus defines agreement:
// same exit code, same set of `❯ path: message` lines per `Validating …: <file>` block (errors and
// warnings apart), ignoring block order and the parser's own wording after `JSON/YAML Parse error:`.

export interface ParsedOutput {
  blocks: Map<string, { errors: Set<string>; warnings: Set<string> }>;
  final: string;
}

/** Keep the fixed text around Bun's parser messages; drop the parser's wording. */
export function normaliseParserText(line: string): string {
  return line.replace(/((?:JSON|YAML) Parse error:).*?(?=\. At runtime|$)/, '$1 …');
}

export function parseClaudeOutput(text: string): ParsedOutput {
  const blocks: ParsedOutput['blocks'] = new Map();
  let current: { errors: Set<string>; warnings: Set<string> } | undefined;
  let section: 'errors' | 'warnings' = 'errors';
  let final = '';
  for (const line of text.split('\n')) {
    if (line.startsWith('Validating ')) {
      current = { errors: new Set(), warnings: new Set() };
      blocks.set(line, current);
    } else if (/^✘ Found \d+ errors?:$/.test(line)) section = 'errors';
    else if (/^⚠ Found \d+ warnings?:$/.test(line)) section = 'warnings';
    else if (line.startsWith('  ❯ ') && current) current[section].add(normaliseParserText(line));
    else if (line.startsWith('✔ ') || line.startsWith('✘ ')) final = line;
  }
  return { blocks, final };
}

/** A readable list of differences; empty when the outputs agree. */
export function diffClaudeOutputs(expected: string, actual: string): string[] {
  const e = parseClaudeOutput(expected);
  const a = parseClaudeOutput(actual);
  const out: string[] = [];
  if (e.final !== a.final) out.push(`final line: expected ${JSON.stringify(e.final)}, got ${JSON.stringify(a.final)}`);
  for (const [header, eb] of e.blocks) {
    const ab = a.blocks.get(header);
    if (!ab) { out.push(`missing block: ${header}`); continue; }
    for (const kind of ['errors', 'warnings'] as const) {
      for (const l of eb[kind]) if (!ab[kind].has(l)) out.push(`${header}\n  missing ${kind.slice(0, -1)}: ${l}`);
      for (const l of ab[kind]) if (!eb[kind].has(l)) out.push(`${header}\n  extra ${kind.slice(0, -1)}: ${l}`);
    }
  }
  for (const header of a.blocks.keys()) if (!e.blocks.has(header)) out.push(`extra block: ${header}`);
  return out;
}
