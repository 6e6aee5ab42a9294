import { valid } from 'semver';
import { baseName } from './commands.ts';

/** A package runner that downloads code when it starts (npx, uvx, docker run…) and what pins it. */
export interface RuntimeFetch { launcher: string; spec: string; pin: 'exact' | 'tag' | 'none'; forced: boolean }

const COMMIT = /^[0-9a-f]{40}$/i;

/**
 * Recognise `argv` (name first) as a runtime fetch. Local paths are not fetches. A version range or a
 * dist-tag (`@latest`) is not a pin: the registry decides what runs (the rug-pull risk of M1).
 */
export function runtimeFetch(argv: string[]): RuntimeFetch | null {
  const name = baseName(argv[0] ?? '');
  const rest = argv.slice(1);
  switch (name) {
    case 'npx':
    case 'bunx':
    case 'pnpx':
      return npmRunner(name, rest);
    case 'npm':
      return rest[0] === 'exec' || rest[0] === 'x' ? npmRunner('npm exec', rest.slice(1)) : npmInstall(rest);
    case 'pnpm':
    case 'yarn':
      return rest[0] === 'dlx' ? npmRunner(`${name} dlx`, rest.slice(1)) : null;
    case 'bun':
      return rest[0] === 'x' ? npmRunner('bun x', rest.slice(1)) : null;
    case 'uvx':
      return pyRunner('uvx', rest);
    case 'uv':
      return rest[0] === 'tool' && rest[1] === 'run' ? pyRunner('uv tool run', rest.slice(2)) : rest[0] === 'run' && rest.includes('--with') ? pyRunner('uv run', rest.slice(1)) : null;
    case 'pipx':
      return rest[0] === 'run' ? pyRunner('pipx run', rest.slice(1)) : null;
    case 'pip':
    case 'pip3':
      return rest[0] === 'install' ? pipInstall(name, rest.slice(1)) : null;
    case 'docker':
    case 'podman':
      return rest[0] === 'run' ? dockerRun(name, rest.slice(1)) : null;
    case 'go':
      return rest[0] === 'run' || rest[0] === 'install' ? goRun(rest.slice(1)) : null;
    case 'deno':
      return rest[0] === 'run' ? denoRun(rest.slice(1)) : null;
    default:
      return null;
  }
}

function isLocal(spec: string): boolean {
  return /^(\.{1,2}\/|\/|~|file:|\$\{?CLAUDE_PLUGIN_ROOT|\$\{?CLAUDE_PLUGIN_DATA|\$\{?CLAUDE_PROJECT_DIR)/.test(spec) || spec === '.';
}

function npmPin(spec: string): 'exact' | 'none' {
  if (/^(github:|git\+|git:|https?:|[\w.-]+\/[\w.-]+#)/.test(spec)) return COMMIT.test(spec.split('#')[1] ?? '') || /\/archive\/[0-9a-f]{40}\.(tar\.gz|tgz|zip)$/i.test(spec) ? 'exact' : 'none';
  const at = spec.lastIndexOf('@');
  if (at <= 0) return 'none';
  return valid(spec.slice(at + 1)) ? 'exact' : 'none';
}

function npmRunner(launcher: string, args: string[]): RuntimeFetch | null {
  let forced = false;
  let pkg: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-y' || a === '--yes') forced = true;
    else if (a === '-p' || a === '--package') pkg = args[++i];
    else if (a.startsWith('--package=')) pkg = a.slice(10);
    else if (a === '-c' || a === '--call') return null;
    else if (a === '--') continue;
    else if (!a.startsWith('-')) {
      const spec = pkg ?? a;
      if (isLocal(spec)) return null;
      return { launcher, spec, pin: npmPin(spec), forced };
    }
  }
  return pkg && !isLocal(pkg) ? { launcher, spec: pkg, pin: npmPin(pkg), forced } : null;
}

function npmInstall(args: string[]): RuntimeFetch | null {
  if (!['install', 'i', 'add'].includes(args[0] ?? '') || !args.some((a) => a === '-g' || a === '--global')) return null;
  const spec = args.slice(1).find((a) => !a.startsWith('-'));
  return spec && !isLocal(spec) ? { launcher: 'npm install -g', spec, pin: npmPin(spec), forced: true } : null;
}

function pyPin(spec: string): 'exact' | 'tag' | 'none' {
  const git = /^git\+[^@]+(?:@([^#]+))?/.exec(spec.replace(/^git\+(https?|ssh):\/\/[^@/]*@/, 'git+$1://'));
  if (spec.startsWith('git+')) {
    const ref = git?.[1];
    return ref ? (COMMIT.test(ref) ? 'exact' : 'tag') : 'none';
  }
  if (/^https?:\/\//.test(spec)) return 'none';
  if (/^[A-Za-z0-9_.\[\],-]+(==|@)\s*\d[\w.+!-]*$/.test(spec) && !/[*]/.test(spec)) return 'exact';
  return 'none';
}

function pyRunner(launcher: string, args: string[]): RuntimeFetch | null {
  let from: string | undefined;
  const withs: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--from' || a === '--spec') from = args[++i];
    else if (a.startsWith('--from=') || a.startsWith('--spec=')) from = a.slice(a.indexOf('=') + 1);
    else if (a === '--with') withs.push(args[++i] ?? '');
    else if (['--python', '-p', '--index-url', '--extra-index-url', '-i', '--pip-args'].includes(a)) i++;
    else if (!a.startsWith('-')) {
      const spec = from ?? a;
      if (isLocal(spec)) return null;
      const pins = [pyPin(spec), ...withs.filter((w) => !isLocal(w)).map(pyPin)];
      const pin = pins.includes('none') ? 'none' : pins.includes('tag') ? 'tag' : 'exact';
      return { launcher, spec, pin, forced: true };
    }
  }
  return null;
}

function pipInstall(name: string, args: string[]): RuntimeFetch | null {
  const specs = args.filter((a, i) => !a.startsWith('-') && !['-r', '--requirement', '-c', '-i', '--index-url', '--target', '-t'].includes(args[i - 1] ?? ''));
  const remote = specs.filter((s) => !isLocal(s));
  if (remote.length === 0) return null;
  const pins = remote.map(pyPin);
  return { launcher: `${name} install`, spec: remote.join(' '), pin: pins.includes('none') ? 'none' : pins.includes('tag') ? 'tag' : 'exact', forced: true };
}

const DOCKER_VALUE_OPTS = new Set([
  '-e', '--env', '--env-file', '-v', '--volume', '-p', '--publish', '--name', '--network', '--net', '-w', '--workdir', '--entrypoint',
  '-u', '--user', '--mount', '--platform', '-l', '--label', '--cpus', '-m', '--memory', '--add-host', '--dns', '-h', '--hostname',
  '--device', '--cap-add', '--cap-drop', '--security-opt', '--ulimit', '--pull', '--restart', '--log-driver', '--log-opt', '--tmpfs', '--shm-size', '--ipc', '--pid', '--gpus', '--runtime',
]);

function dockerRun(name: string, args: string[]): RuntimeFetch | null {
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (DOCKER_VALUE_OPTS.has(a)) i++;
    else if (a.startsWith('-')) continue;
    else {
      const pin = /@sha256:[0-9a-f]{64}$/.test(a) ? 'exact' : /:[^/:]+$/.test(a) && !/:latest$/.test(a) ? 'tag' : 'none';
      return { launcher: `${name} run`, spec: a, pin, forced: true };
    }
  }
  return null;
}

function goRun(args: string[]): RuntimeFetch | null {
  const spec = args.find((a) => !a.startsWith('-'));
  if (!spec || isLocal(spec) || !spec.includes('@')) return null;
  const v = spec.slice(spec.lastIndexOf('@') + 1);
  return { launcher: 'go run', spec, pin: /^v\d+\.\d+\.\d+/.test(v) || COMMIT.test(v) ? 'exact' : 'none', forced: true };
}

function denoRun(args: string[]): RuntimeFetch | null {
  const spec = args.find((a) => !a.startsWith('-'));
  if (!spec || !/^(https?:|npm:|jsr:)/.test(spec)) return null;
  return { launcher: 'deno run', spec, pin: /@\d+\.\d+\.\d+/.test(spec) ? 'exact' : 'none', forced: true };
}
