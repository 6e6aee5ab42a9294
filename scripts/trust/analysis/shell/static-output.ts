import { decodeBase64Text, decodeEscapes, decodeHexText, reverseText, rot13 } from '../text/decode.ts';
import type { ShCall } from './call-effects.ts';

/**
 * What a pipeline stage prints, when we can compute it without running anything: `echo`/`printf` of
 * literals, `cat` of a heredoc, and the decoders malware chains (base64 -d, xxd -r -p, rev, rot13 tr).
 * `input` is the previous stage's output (or the stage's heredoc/here-string). Null when unknown.
 */
export function stageOutput(call: ShCall, input: string | null): string | null {
  if (!call.words.every((w) => w.static)) return null;
  const [name, ...args] = call.argv;
  switch (call.name) {
    case 'echo': {
      let i = 0;
      let escapes = false;
      while (i < args.length && /^-[neE]+$/.test(args[i])) {
        if (args[i].includes('e')) escapes = true;
        i++;
      }
      const text = args.slice(i).join(' ');
      return escapes ? decodeEscapes(text) : text;
    }
    case 'printf': {
      if (args.length === 0) return null;
      let fmt = decodeEscapes(args[0]);
      const rest = args.slice(1);
      let k = 0;
      fmt = fmt.replace(/%([sbdc%])/g, (_m, c: string) => (c === '%' ? '%' : c === 'b' ? decodeEscapes(rest[k++] ?? '') : rest[k++] ?? ''));
      return fmt;
    }
    case 'cat':
      return args.length === 0 || (args.length === 1 && args[0] === '-') ? input : null;
    case 'base64':
    case 'basenc':
      return input !== null && args.some((a) => /^(-d|-D|--decode|-[a-zA-Z]*d[a-zA-Z]*)$/.test(a)) ? decodeBase64Text(input) : null;
    case 'openssl':
      return input !== null && args.includes('-d') ? decodeBase64Text(input) : null;
    case 'xxd':
      return input !== null && args.some((a) => a.startsWith('-r')) ? decodeHexText(input) : null;
    case 'rev':
      return input === null ? null : input.split('\n').map(reverseText).join('\n');
    case 'tr':
      return input !== null && args.length === 2 && /n-z/i.test(args[1]) ? rot13(input) : null;
    case 'gunzip':
    case 'zcat':
      return input; // base64 decoding already inflates gzip payloads
    default:
      void name;
      return null;
  }
}
