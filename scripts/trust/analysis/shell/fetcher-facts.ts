import { findUrl } from '../text/classify-url.ts';
import type { ShCall } from './call-effects.ts';

export interface FetcherFacts {
  url?: string;
  sends?: 'file' | 'stdin' | 'env' | 'secret' | 'data' | 'dns-label';
  /** Local files the tool uploads (curl -F x=@f, -T f, --data @f, wget --post-file f). */
  readsFiles: string[];
  /** Local files the tool downloads into (curl -o f, wget -O f). */
  outputs: string[];
}

const CURL_VALUE = new Set(['-d', '--data', '--data-binary', '--data-raw', '--data-urlencode', '--data-ascii', '--json', '-F', '--form', '--form-string', '-H', '--header', '-o', '--output', '-u', '--user', '-X', '--request', '-A', '--user-agent', '-e', '--referer', '-b', '--cookie', '-c', '--cookie-jar', '-T', '--upload-file', '-x', '--proxy', '-m', '--max-time', '--connect-timeout', '-w', '--write-out', '-K', '--config', '--url', '-r', '--range', '--retry', '--cacert', '--cert', '--key', '-E', '--resolve', '--interface', '-z', '-D', '--dump-header', '--output-dir', '-Y', '-y', '--retry-delay', '--retry-max-time', '-C', '--continue-at', '--limit-rate', '--max-redirs', '--proto', '--proto-redir', '--variable', '--expand-data']);
const DATA = /^(-d|--data|--data-binary|--data-raw|--data-urlencode|--data-ascii|--json)$/;
const WGET_VALUE = new Set(['-O', '--output-document', '-o', '--output-file', '-a', '-P', '--directory-prefix', '-U', '--user-agent', '--header', '--post-data', '--post-file', '--body-data', '--body-file', '--method', '-t', '--tries', '-T', '--timeout', '-e', '--execute', '--user', '--password', '-i', '--input-file']);

/** What a network tool call sends and where, from its options. Null for a non-network use (`openssl` without s_client). */
export function fetcherFacts(call: ShCall): FetcherFacts | null {
  const args = call.argv.slice(1);
  const words = call.words.slice(1);
  const f: FetcherFacts = { readsFiles: [], outputs: [] };
  const taint = (i: number, data = true): void => {
    const w = words[i];
    if (!w) return;
    if (w.secret) f.sends = 'secret';
    else if (w.stdin && f.sends !== 'secret') f.sends = 'stdin';
    else if (data && !w.static && !f.sends) f.sends = 'data';
  };
  switch (call.name) {
    case 'curl': {
      // Split combined short flags (`-sSLo file` → -s -S -L -o file) so a value-taking letter keeps its value.
      const split: string[] = [];
      const splitWords: typeof words = [];
      args.forEach((a, i) => {
        if (/^-[a-zA-Z]{2,}$/.test(a)) for (const ch of a.slice(1)) {
          split.push(`-${ch}`);
          splitWords.push(words[i]);
        }
        else {
          split.push(a);
          splitWords.push(words[i]);
        }
      });
      args.splice(0, args.length, ...split);
      words.splice(0, words.length, ...splitWords);
      for (let i = 0; i < args.length; i++) {
        const a = args[i];
        const [opt, inlineVal] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
        if (DATA.test(opt) || opt === '-F' || opt === '--form' || opt === '-T' || opt === '--upload-file') {
          const v = inlineVal ?? args[++i] ?? '';
          const at = opt === '-F' || opt === '--form' ? /=[@<](.+)$/.exec(v)?.[1] : opt === '-T' || opt === '--upload-file' ? v : v.startsWith('@') ? v.slice(1) : undefined;
          if (at === '-' || at === '/dev/stdin') f.sends = f.sends === 'secret' ? 'secret' : 'stdin';
          else if (at) {
            f.readsFiles.push(at);
            if (f.sends !== 'secret') f.sends = 'file';
          } else if (!f.sends) f.sends = 'data';
          taint(i);
        } else if (opt === '-o' || opt === '--output') f.outputs.push(inlineVal ?? args[++i] ?? '');
        else if (opt === '--url') f.url ??= inlineVal ?? args[++i];
        else if (opt === '-O' || opt === '--remote-name') f.outputs.push('\u0000remote');
        else if (opt === '-H' || opt === '--header') taint(inlineVal === undefined ? ++i : i, false);
        else if (CURL_VALUE.has(opt) && inlineVal === undefined) i++;
        else if (!a.startsWith('-')) f.url ??= a;
      }
      if (f.outputs.includes('\u0000remote') && f.url) f.outputs.push(f.url.split('?')[0].split('/').pop() ?? '');
      return f;
    }
    case 'wget': {
      let toStdout = false;
      for (let i = 0; i < args.length; i++) {
        const a = args[i];
        const [opt, inlineVal] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
        const qO = /^-[a-zA-Z]*O(.*)$/.exec(a);
        if (opt === '--output-document' || (qO && !a.startsWith('--'))) {
          const v = inlineVal ?? (qO && qO[1] ? qO[1] : args[++i] ?? '');
          if (v === '-') toStdout = true;
          else f.outputs.push(v);
        } else if (opt === '--post-file' || opt === '--body-file') {
          const v = inlineVal ?? args[++i] ?? '';
          f.readsFiles.push(v);
          f.sends = 'file';
        } else if (opt === '--post-data' || opt === '--body-data') {
          f.sends ??= 'data';
          taint(inlineVal === undefined ? ++i : i);
        } else if (WGET_VALUE.has(opt) && inlineVal === undefined) i++;
        else if (!a.startsWith('-')) f.url ??= a;
      }
      if (!toStdout && f.outputs.length === 0 && f.url) f.outputs.push(f.url.split('?')[0].split('/').pop() ?? '');
      return f;
    }
    case 'openssl':
      if (args[0] !== 's_client') return null;
      f.url = args[args.indexOf('-connect') + 1];
      return f;
    case 'dig':
    case 'nslookup':
    case 'host':
    case 'drill':
      // Only a lookup whose name is computed is an exfiltration channel (data encoded in DNS labels).
      if (!words.some((w, i) => !w.static && !args[i].startsWith('-') && !args[i].startsWith('@'))) return null;
      f.sends = 'dns-label';
      return f;
    case 'ssh':
    case 'scp':
    case 'sftp':
    case 'rsync': {
      const remote = args.find((a) => /^[\w.-]+@[\w.-]+|^[\w.-]+\.[a-z]{2,}:|^[\w.-]+:\//.test(a));
      if (!remote && call.name !== 'ssh') return null;
      if (call.name !== 'ssh') for (const a of args) if (!a.startsWith('-') && a !== remote) f.readsFiles.push(a);
      f.url = remote;
      if (call.name === 'scp' || call.name === 'rsync') f.sends = 'file';
      return f;
    }
    default: {
      // nc/ncat/netcat/socat/telnet, fetch, httpie…: the first URL or host-like operand.
      const url = findUrl(args.join(' ')) ?? args.find((a) => !a.startsWith('-') && /[a-z0-9-]+\.[a-z]{2,}|^\d{1,3}(\.\d{1,3}){3}$/i.test(a));
      if (url) f.url = url;
      if (/^(nc|ncat|netcat|socat|telnet)$/.test(call.name)) f.sends = 'stdin';
      return f;
    }
  }
}
