import type { Loc } from '../model.ts';
import { extractDir } from './extract-dir.ts';
import type { ShCall } from './call-effects.ts';
import type { ShellWalker } from './walker.ts';

const TOKEN_COMMANDS: Array<[RegExp, string]> = [
  [/^security (find-generic-password|find-internet-password|dump-keychain|export)\b/, 'reads the macOS keychain'],
  [/^gh auth (token|status .*(-t|--show-token))/, 'prints the GitHub CLI token'],
  [/^aws configure (get aws_secret_access_key|get aws_session_token|export-credentials)/, 'prints AWS credentials'],
  [/^aws sts get-session-token/, 'mints AWS credentials'],
  [/^gcloud auth (print-access-token|print-identity-token|application-default print-access-token)/, 'prints a Google Cloud token'],
  [/^az account get-access-token/, 'prints an Azure token'],
  [/^(op (read|item get)|pass show|secret-tool lookup|keyctl print|kwallet-query)/, 'reads a password manager'],
  [/^kubectl config view .*--raw/, 'prints Kubernetes credentials'],
  [/^git credential fill/, 'reads git credentials'],
  [/^docker-credential-\S+ get/, 'reads Docker credentials'],
  [/^gpg2? .*--export-secret-(sub)?keys?\b/, 'exports GPG secret keys'],
  [/^(bw (get|export)|lpass (show|export)|keepassxc-cli (show|export)|op (document get|item list .*--reveal))\b/, 'reads a password manager'],
  [/^vault (read|kv get)\b/, 'reads secrets from Vault'],
];

/** Effects of commands that act locally: credential commands, env dumps, writes, persistence, deletion, privilege, detaching. */
export function localCommandEffects(w: ShellWalker, call: ShCall, at: () => Loc): void {
  const out = w.effects;
  const args = call.argv.slice(1);
  const line = [call.name, ...args].join(' ');
  for (const [re, what] of TOKEN_COMMANDS) if (re.test(line)) out.push({ kind: 'secret-read', secret: 'token-command', what, loc: at() });

  const operands = args.filter((a) => !a.startsWith('-'));
  switch (call.name) {
    case 'env':
    case 'printenv':
      // `env VAR=x cmd` was unwrapped to cmd before we got here, so an `env` call runs nothing: it prints.
      if (call.name === 'env' ? !args.includes('-i') : operands.length === 0) {
        out.push({ kind: 'secret-read', secret: 'env-dump', what: `${call.name} prints every environment variable (API keys included)`, loc: at() });
      }
      break;
    case 'set':
      if (args.length === 0) out.push({ kind: 'secret-read', secret: 'env-dump', what: 'set prints every variable', loc: at() });
      break;
    case 'cat':
    case 'strings':
    case 'tr':
      if (args.some((a) => /^\/proc\/(self|\d+|\*|\$\$)\/environ$/.test(a))) out.push({ kind: 'secret-read', secret: 'env-dump', what: 'reads a process environment', loc: at() });
      break;
    case 'tee':
      for (const o of operands) out.push({ kind: 'write', path: o, loc: at() });
      break;
    case 'cp':
    case 'mv':
    case 'install':
    case 'ln':
    case 'rsync':
      if (operands.length >= 2) out.push({ kind: 'write', path: operands[operands.length - 1], loc: at() });
      break;
    case 'tar':
    case 'bsdtar':
    case 'unzip':
    case '7z': {
      // Extracting writes under the destination directory (tar -C dir / --directory=dir, unzip -d dir, 7z x -odir).
      const dest = extractDir(call.name, args);
      if (dest) out.push({ kind: 'write', path: dest, loc: at() });
      break;
    }
    case 'sed':
    case 'perl':
      if (args.some((a) => /^-[a-zA-Z]*i/.test(a) || a === '--in-place')) for (const o of operands.slice(1)) out.push({ kind: 'write', path: o, loc: at() });
      break;
    case 'dd': {
      const of = args.find((a) => a.startsWith('of='))?.slice(3);
      if (of && /^\/dev\/(sd|nvme|disk|hd|vd|xvd|mmcblk|rdisk)/.test(of)) out.push({ kind: 'delete', target: of, why: 'dd overwrites a disk device', loc: at() });
      else if (of) out.push({ kind: 'write', path: of, loc: at() });
      break;
    }
    case 'crontab':
      if (!(args.length === 1 && args[0] === '-l')) out.push({ kind: 'persist-command', what: 'installs a crontab', loc: at() });
      break;
    case 'launchctl':
      if (/^(load|bootstrap|submit|enable|kickstart)$/.test(operands[0] ?? '')) out.push({ kind: 'persist-command', what: `launchctl ${operands[0]} installs a login agent`, loc: at() });
      break;
    case 'systemctl':
      // enable/link install a unit; start/restart only run one already installed (a process outliving the hook).
      if (/^(enable|link|edit|preset)$/.test(operands[0] ?? '')) out.push({ kind: 'persist-command', what: `systemctl ${operands[0]} installs a service`, loc: at() });
      else if (args.includes('--user') && /^(start|restart)$/.test(operands[0] ?? '')) out.push({ kind: 'detach', what: `systemctl --user ${operands[0]} runs a service that outlives the hook`, loc: at() });
      break;
    case 'schtasks':
      if (args.some((a) => /^\/create$/i.test(a))) out.push({ kind: 'persist-command', what: 'schtasks /create installs a scheduled task', loc: at() });
      break;
    case 'at':
    case 'batch':
      out.push({ kind: 'detach', what: `${call.name} schedules a command for later`, loc: at() });
      break;
    case 'git':
      gitEffects(w, call, at);
      break;
    case 'npm':
    case 'pnpm':
    case 'yarn':
    case 'pip':
    case 'pip3':
      if (/^config (set|edit)\b/.test(args.join(' ')) && /registry|index-url|global\./.test(args.join(' '))) out.push({ kind: 'persist-command', what: `${call.name} config changes the package registry for every project`, loc: at() });
      break;
    case 'claude':
      if (/^(mcp add|mcp add-json|plugin install|plugin marketplace add|config set)\b/.test(args.join(' '))) out.push({ kind: 'persist-command', what: `claude ${operands.slice(0, 2).join(' ')} changes Claude Code's global setup`, loc: at() });
      break;
    case 'defaults':
      if (operands[0] === 'write') out.push({ kind: 'persist-command', what: 'defaults write changes macOS preferences', loc: at() });
      break;
    case 'chsh':
      out.push({ kind: 'persist-command', what: "chsh changes the user's login shell", loc: at() });
      break;
    case 'rm':
      rmEffects(w, call, at);
      break;
    case 'find':
      if (/^(\/|~|\$HOME|\/\*)$/.test(args[0] ?? '') && args.some((a) => a === '-delete' || a === 'rm')) out.push({ kind: 'delete', target: args[0], why: 'find deletes across the whole disk or home', loc: at() });
      break;
    case 'shred':
    case 'wipefs':
      out.push({ kind: 'delete', target: operands.join(' '), why: `${call.name} destroys data irrecoverably`, loc: at() });
      break;
    case 'chmod':
      chmodEffects(w, call, at);
      break;
    case 'chown':
    case 'chgrp':
      out.push({ kind: 'privilege', what: `${call.name} changes file ownership`, severity: /^(root|0)(:|$)/.test(operands[0] ?? '') || operands.slice(1).some((p) => /^(\/|~)/.test(p)) ? 'high' : 'medium', loc: at() });
      break;
    case 'su':
    case 'pkexec':
      out.push({ kind: 'privilege', what: `${call.name} runs a command as another user`, loc: at() });
      break;
    case 'disown': {
      // `cmd &` then `disown` is one detached process: report it once, at the command, even when the script waits.
      const job = w.backgrounds.pop();
      out.push(job ? { ...job, what: 'a command sent to the background with & and disowned: it outlives the hook' } as typeof job : { kind: 'detach', what: 'disown detaches a background job from the hook', loc: at() });
      break;
    }
    case 'screen':
      if (args.some((a) => /^-[a-zA-Z]*d[a-zA-Z]*m|^-dm/.test(a))) out.push({ kind: 'detach', what: 'screen -dm starts a detached session', loc: at() });
      break;
    case 'tmux':
      if (/^(new|new-session)$/.test(args[0] ?? '') && args.includes('-d')) out.push({ kind: 'detach', what: 'tmux new -d starts a detached session', loc: at() });
      break;
    case 'daemonize':
    case 'setsid':
    case 'nohup':
      out.push({ kind: 'detach', what: `${call.name} keeps a process running after the hook ends`, loc: at() });
      break;
    default:
      if (/^mkfs(\.\w+)?$/.test(call.name)) out.push({ kind: 'delete', target: operands.join(' '), why: 'mkfs formats a disk', loc: at() });
  }
}

function gitEffects(w: ShellWalker, call: ShCall, at: () => Loc): void {
  const args = call.argv.slice(1);
  const sub = args.find((a) => !a.startsWith('-'));
  const out = w.effects;
  if (sub === 'push' && args.some((a) => a === '--force' || a === '-f' || /^-[a-zA-Z]*f/.test(a) || /^\+/.test(a))) {
    out.push({ kind: 'privilege', what: 'git push --force rewrites remote history', loc: at() });
  }
  // `git push <url>`: data leaves for a remote named in the script itself (not the repo's configured origin).
  const remote = sub === 'push' ? args.slice(args.indexOf('push') + 1).find((a) => /^(https?|ssh|git):\/\/|^[\w.-]+@[\w.-]+:/.test(a)) : undefined;
  if (remote) out.push({ kind: 'network', tool: 'git push', url: remote, sends: 'file', loc: at() });
  if (sub === 'reset' && args.includes('--hard')) out.push({ kind: 'privilege', what: 'git reset --hard discards uncommitted work', severity: 'medium', loc: at() });
  if (sub === 'clean' && args.some((a) => /^-[a-zA-Z]*f/.test(a))) out.push({ kind: 'privilege', what: 'git clean -f deletes untracked files', severity: 'medium', loc: at() });
  if (sub === 'config') {
    const reading = args.some((a) => /^(--get|--get-all|--get-regexp|-l|--list|--show-origin|--unset)/.test(a));
    const key = args.filter((a) => !a.startsWith('-'))[1] ?? '';
    if (!reading && /^core\.(hookspath|sshcommand|pager|editor|fsmonitor|askpass)$/i.test(key)) out.push({ kind: 'persist-command', what: `git config ${key} makes git run a command later`, loc: at() });
    else if (!reading && args.includes('--global') && (/^alias\./.test(key) && /!/.test(args.join(' ')) || /^(url\.|credential\.helper|include\.path|http\.proxy)/.test(key))) out.push({ kind: 'persist-command', what: `git config --global ${key} changes every repository`, loc: at() });
  }
}

function rmEffects(w: ShellWalker, call: ShCall, at: () => Loc): void {
  const args = call.argv.slice(1);
  const recursive = args.some((a) => /^-[a-zA-Z]*[rR]/.test(a) || a === '--recursive');
  if (!recursive) return;
  call.words.slice(1).forEach((word, i) => {
    const a = args[i];
    if (a.startsWith('-')) return;
    const t = a.replace(/\/+$/, '/') ;
    const danger = /^(\/|\/\*|~|~\/|~\/\*|\.\.?\/?\*?|\*|\/(bin|boot|etc|home|lib|opt|root|sbin|srv|usr|var|Users|System|Library|Applications)(\/\*?)?)$/.test(t) || /^~\/(Library|Documents|Desktop|\.config|\.ssh|\.claude)\/?\*?$/.test(t);
    if (danger) w.effects.push({ kind: 'delete', target: a, why: `rm -r on ${a}`, loc: at() });
    else if (word.unsafeVarPrefix && /^\$\w+\/\*?$/.test(a)) w.effects.push({ kind: 'delete', target: a, why: `rm -r on ${a}: if the variable is empty this is rm -r /`, loc: at() });
  });
  if (args.includes('--no-preserve-root')) w.effects.push({ kind: 'delete', target: '/', why: 'rm --no-preserve-root', loc: at() });
}

function chmodEffects(w: ShellWalker, call: ShCall, at: () => Loc): void {
  const mode = call.argv.slice(1).find((a) => !a.startsWith('-') || /^-[rwxst]+$/.test(a)) ?? '';
  if (/^0?[0-7]?777$|^a\+rwx$|^o\+w|^(a|ugo)\+w/.test(mode)) w.effects.push({ kind: 'privilege', what: `chmod ${mode} makes files writable by everyone`, loc: at() });
  else if (/^[ug]*\+[rwx]*s|^[2467][0-7]{3}$/.test(mode)) w.effects.push({ kind: 'privilege', what: `chmod ${mode} sets a setuid/setgid bit`, loc: at() });
}
