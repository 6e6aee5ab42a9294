import type { RawFinding, Rule } from '../analysis-model.ts';
import { hiddenUnicode, stripInvisible } from '../text/hidden-unicode.ts';
import { promptInjection } from '../text/prompt-injection.ts';

const KIND: Record<string, string> = {
  bidi: 'bidirectional control characters (text displays differently from how it is read)',
  'zero-width': 'zero-width characters',
  tags: 'invisible Unicode tag characters',
  'variation-smuggling': 'a run of invisible variation selectors (data hidden in text)',
  bom: 'a byte-order mark in the middle of the file',
};

/**
 * M3: text the model reads that instructs it against the user (skills, commands, agents, MCP tool
 * descriptions, prompt hooks), and invisible Unicode in any text file of the plugin.
 */
export const toolPoisoning: Rule = {
  id: 'M3-tool-poisoning',
  severity: 'high',
  title: 'Hidden or manipulative instructions for the model',
  hint: 'Remove instructions that override the user or hide actions from them, and strip invisible characters (bidi controls, zero-width, Unicode tags) from every file.',
  check: (model) => {
    const out: RawFinding[] = [];
    for (const [file, text] of model.texts) {
      const hits = hiddenUnicode(text, 20);
      const lines = text.split('\n');
      for (const h of hits) {
        const hidden = h.decoded ? `; it decodes to ${JSON.stringify(h.decoded.slice(0, 80))}` : '';
        const severity = h.kind === 'zero-width' && h.count === 1 ? 'medium' : h.kind === 'bom' ? 'low' : 'high';
        out.push({ severity, loc: { file, line: h.line, column: h.column, snippet: lines[h.line - 1] ?? '' }, message: `${KIND[h.kind]} (${h.count})${hidden}` });
      }
    }
    const prose = [
      ...model.prose,
      ...model.hooks.flatMap((h) => (h.prompt ? [{ file: h.file, line: h.line, text: h.prompt, context: 'prose' as const }] : [])),
    ];
    for (const p of prose) {
      const { text, quoted } = splitQuoted(stripInvisible(p.text).normalize('NFKC'));
      for (const [part, inQuote] of [[text, false], [quoted, true]] as const) {
        for (const hit of promptInjection(part)) {
          const low = inQuote || p.context !== 'prose';
          out.push({ severity: low ? 'low' : hit.severity, loc: { file: p.file, line: p.line, snippet: p.text }, message: `${low ? 'quoted or code example of ' : ''}instruction aimed at the model (${hit.pattern}): "${hit.match}"` });
        }
      }
    }
    return out;
  },
};

/** Separate quoted spans ("…", “…”, `…`) from the rest of a line. */
function splitQuoted(s: string): { text: string; quoted: string } {
  const quoted: string[] = [];
  const text = s.replace(/`[^`]*`|"[^"\n]{3,}"|“[^”\n]{3,}”|'[^'\n]{12,}'/g, (m) => {
    quoted.push(m.slice(1, -1));
    return ' ';
  });
  return { text, quoted: quoted.join(' | ') };
}
