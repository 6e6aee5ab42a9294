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

/** Bun's YAML wording is the one part we do not reproduce; everything else is compared byte for byte. */
export function normaliseYamlText(text: string): string {
  return text.replace(/(YAML Parse error:).*?(?=\. At runtime|$)/gm, '$1 …');
}

/**
 * Strict comparison: the outputs are byte-identical once the per-file blocks are put in the same order
 * (that order follows the directory listing of the machine). With `yamlWording: false` the parser's
 * text after `YAML Parse error:` is set aside too.
 */
export function sameClaudeOutput(expected: string, actual: string, opts: { yamlWording?: boolean } = {}): boolean {
  const canon = (text: string) => {
    const lines = (opts.yamlWording === false ? normaliseYamlText(text) : text).split('\n');
    const blocks: string[] = [];
    const rest: string[] = [];
    for (const line of lines) {
      if (line.startsWith('Validating ')) blocks.push(line);
      else if (blocks.length > 0 && !/^[✔✘] Validation/.test(line) && !line.startsWith('✘ Unexpected')) blocks[blocks.length - 1] += '\n' + line;
      else rest.push(line);
    }
    const [first, ...others] = blocks;
    return [first ?? '', ...others.sort(), ...rest].join('\n');
  };
  return canon(expected) === canon(actual);
}
