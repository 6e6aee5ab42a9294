/**
 * What shell commands do, by name: the tables the shell front-end classifies calls with.
 * Names are basenames (`/usr/bin/curl` → `curl`).
 */
export const FETCHERS = new Set(['curl', 'wget', 'fetch', 'aria2c', 'http', 'https', 'xh', 'lwp-download', 'lwp-request', 'GET', 'POST']);
export const SOCKET_TOOLS = new Set(['nc', 'ncat', 'netcat', 'socat', 'telnet', 'openssl']);
export const DNS_TOOLS = new Set(['dig', 'nslookup', 'host', 'drill']);
export const DECODERS = new Set(['base64', 'base32', 'xxd', 'uudecode', 'openssl', 'gunzip', 'zcat', 'gzip', 'rev', 'tr', 'basenc']);
export const READERS = new Set(['cat', 'tac', 'less', 'more', 'head', 'tail', 'cp', 'scp', 'rsync', 'tar', 'zip', '7z', 'gzip', 'base64', 'xxd', 'od', 'hexdump', 'strings', 'gpg', 'jq', 'grep', 'awk', 'sed', 'sort', 'uniq', 'nl', 'dd', 'sqlite3', 'tee', 'install', 'ln']);

const SHELL = /^(sh|bash|zsh|dash|ksh|mksh|fish|ash|busybox)$/;
const PYTHON = /^(python|python[23](\.\d+)?|pypy3?)$/;
const NODE = /^(node|nodejs|bun|deno|tsx|ts-node)$/;
const OTHER = /^(perl|ruby|php|pwsh|powershell|osascript|lua|Rscript|tclsh|awk|gawk)$/;

export type Lang = 'shell' | 'python' | 'js' | 'other';

export function interpreterLang(name: string): Lang | null {
  if (SHELL.test(name)) return 'shell';
  if (PYTHON.test(name)) return 'python';
  if (NODE.test(name)) return 'js';
  if (OTHER.test(name)) return 'other';
  return null;
}

/** Option letters that take a value, per interpreter family (so we can find the script operand). */
const VALUE_OPTS: Record<Lang, Set<string>> = {
  shell: new Set(['-o', '+o', '-O', '+O', '--rcfile', '--init-file']),
  python: new Set(['-W', '-X', '-m', '-Q']),
  js: new Set(['-r', '--require', '--import', '--loader', '--experimental-loader', '--input-type', '--conditions', '-C', '--env-file', '--cwd']),
  other: new Set(['-I', '-M', '-r', '-f', '-F', '-v']),
};

/** How an interpreter call gets its code: an inline string, a script file, a module, or stdin. */
export interface InterpreterCall {
  lang: Lang;
  inline?: { index: number };
  script?: { index: number };
  module?: string;
  stdin: boolean;
}

export function interpreterCall(name: string, args: string[]): InterpreterCall | null {
  const lang = interpreterLang(name);
  if (!lang) return null;
  let i = 0;
  if ((name === 'bun' || name === 'deno') && (args[0] === 'run' || args[0] === 'x' || args[0] === 'eval')) {
    if (args[0] === 'eval') return { lang, inline: { index: 1 }, stdin: false };
    if (args[0] === 'x') return null; // bun x = bunx, a package runner
    i = 1;
  }
  for (; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      i++;
      break;
    }
    if (a === '-') return { lang, stdin: true };
    if (!a.startsWith('-') && !a.startsWith('+')) break;
    const flags = a.startsWith('--') ? '' : a.slice(1);
    if (lang === 'shell' && /c/.test(flags) && !a.startsWith('--')) return { lang, inline: { index: i + 1 }, stdin: false };
    if (lang === 'shell' && /s/.test(flags)) return { lang, stdin: true };
    if (lang === 'python' && a === '-c') return { lang, inline: { index: i + 1 }, stdin: false };
    if (lang === 'python' && a === '-m') return { lang, module: args[i + 1] ?? '', stdin: false };
    if (lang === 'js' && /^(-e|-p|--eval|--print|-pe|-ep)$/.test(a)) return { lang, inline: { index: i + 1 }, stdin: false };
    if (lang === 'js' && /^--(eval|print)=/.test(a)) return { lang, inline: { index: i }, stdin: false };
    if (lang === 'other' && /^-[a-zA-Z]*[eE]$/.test(a) && name !== 'awk' && name !== 'gawk') return { lang, inline: { index: i + 1 }, stdin: false };
    if (lang === 'other' && (name === 'osascript' || name === 'pwsh' || name === 'powershell') && /^-(e|c|Command|EncodedCommand|enc)$/i.test(a)) return { lang, inline: { index: i + 1 }, stdin: false };
    if (VALUE_OPTS[lang].has(a)) i++;
  }
  if (name === 'awk' || name === 'gawk') return null; // awk programs are data filters, not fetched code
  if (i < args.length) return { lang, script: { index: i }, stdin: false };
  return { lang, stdin: true };
}

/**
 * Commands that run another command: strip them to reach the real one. Returns the index of the
 * wrapped command's name in `args` (args[0] is the wrapper) and the wrapper's name, or null.
 */
export function unwrapIndex(args: string[]): number | null {
  const name = baseName(args[0] ?? '');
  const skipOpts = (from: number, valued: Set<string>): number => {
    let i = from;
    while (i < args.length) {
      const a = args[i];
      if (a === '--') return i + 1;
      if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(a) && (name === 'env' || name === 'sudo')) {
        i++;
        continue;
      }
      if (!a.startsWith('-')) return i;
      i += valued.has(a) ? 2 : 1;
    }
    return i;
  };
  switch (name) {
    case 'sudo':
      return skipOpts(1, new Set(['-u', '-g', '-U', '-C', '-h', '-p', '-r', '-t', '-T', '-D', '--user', '--group']));
    case 'doas':
      return skipOpts(1, new Set(['-u', '-C']));
    case 'env':
      return skipOpts(1, new Set(['-u', '--unset', '-C', '--chdir', '-S', '--split-string']));
    case 'nohup':
    case 'builtin':
    case 'chronic':
    case 'unbuffer':
    case 'caffeinate':
    case 'setsid':
    case 'time':
    case 'exec':
      return skipOpts(1, new Set(['-a']));
    case 'command':
      return args[1] === '-v' || args[1] === '-V' ? null : skipOpts(1, new Set());
    case 'nice':
    case 'ionice':
      return skipOpts(1, new Set(['-n', '-c', '--adjustment', '--class', '--classdata']));
    case 'timeout': {
      const i = skipOpts(1, new Set(['-s', '--signal', '-k', '--kill-after']));
      return i + 1;
    }
    case 'busybox':
      // `busybox sh`, `busybox wget`: the applet is the command.
      return args.length > 1 ? 1 : null;
    case 'stdbuf':
      return skipOpts(1, new Set(['-i', '-o', '-e']));
    case 'xargs':
      return skipOpts(1, new Set(['-I', '-i', '-L', '-l', '-n', '-P', '-s', '-d', '-E', '-e', '-a', '--max-args', '--max-procs', '--delimiter', '--arg-file']));
    case 'flock':
      return skipOpts(skipOpts(1, new Set(['-w', '-E', '--timeout', '-c'])) + 1, new Set());
    default:
      return null;
  }
}

export function baseName(cmd: string): string {
  const s = cmd.replace(/^\\/, '');
  const i = s.lastIndexOf('/');
  return i >= 0 ? s.slice(i + 1) : s;
}
