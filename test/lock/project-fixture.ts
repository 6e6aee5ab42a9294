// A real registry and a real Claude Code install for the lock/verify/install tests: a marketplace "acme"
// committed to a git repository (Claude Code adds it as a directory; mp pins it through file://), a
// project, and a HOME in a temporary directory where the real `claude` CLI installs plugins.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLAUDE, REPO, isolatedEnv, type RunResult } from '../helpers/claude.ts';
import { json, testdir, type TreeSpec } from '../helpers/testdir.ts';
import { commitAll, git } from '../helpers/registries.ts';

export function acmeTree(extra: string[] = []): TreeSpec {
  const spec: TreeSpec = {
    '.claude-plugin/marketplace.json': json({
      name: 'acme',
      owner: { name: 'tests' },
      plugins: ['hello', 'lib', 'solo', ...extra].map((n) => ({ name: n, source: `./plugins/${n}`, description: `${n} plugin` })),
    }),
    'plugins/hello/.claude-plugin/plugin.json': json({ name: 'hello', version: '1.0.0', description: 'hello', dependencies: [{ name: 'lib', version: '^1.0.0' }] }),
    'plugins/hello/commands/hi.md': '---\ndescription: Say hi\n---\nSay hi.\n',
    'plugins/hello/commands/bye.md': '---\ndescription: Say bye\n---\nSay bye.\n',
    'plugins/hello/hooks/hooks.json': json({ hooks: {} }),
    'plugins/hello/hooks/run.sh': { content: '#!/bin/sh\necho run\n', mode: 0o755 },
    'plugins/hello/skills/greet/SKILL.md': '---\nname: greet\ndescription: Greet people\n---\nGreet.\n',
    'plugins/hello/docs/deep/nested/notes.md': 'notes\n',
    'plugins/hello/docs/ünïcødé.md': 'unicode\n',
    'plugins/hello/link-to-hi': { symlink: 'commands/hi.md' },
    'plugins/lib/.claude-plugin/plugin.json': json({ name: 'lib', version: '1.2.0', description: 'lib' }),
    'plugins/lib/commands/lib.md': '---\ndescription: Lib\n---\nLib.\n',
    'plugins/solo/.claude-plugin/plugin.json': json({ name: 'solo', version: '0.3.0', description: 'solo' }),
    'plugins/solo/commands/solo.md': '---\ndescription: Solo\n---\nSolo.\n',
  };
  for (const n of extra) {
    spec[`plugins/${n}/.claude-plugin/plugin.json`] = json({ name: n, version: '2.0.0', description: n });
    spec[`plugins/${n}/commands/${n}.md`] = `---\ndescription: ${n}\n---\n${n}.\n`;
  }
  return spec;
}

export interface Fixture {
  root: string;
  /** The registry: a git work tree (the "upstream" commits go here). */
  registry: string;
  project: string;
  home: string;
  env: Record<string, string>;
  claude(args: string[], opts?: { home?: string; env?: Record<string, string>; cwd?: string }): RunResult;
  mp(args: string[], opts?: { home?: string; cwd?: string }): RunResult;
  /** A fresh HOME, and the env for it. */
  freshHome(): { home: string; env: Record<string, string> };
  cleanup(): void;
}

export function projectFixture(extraPlugins: string[] = []): Fixture {
  const root = realpathSync(mkdtempSync(join(tmpdir(), 'mp-lockfx-')));
  const registry = testdir(acmeTree(extraPlugins), join(root, 'registry'));
  git(registry, 'init', '-q', '-b', 'main');
  commitAll(registry, 'acme 1');
  git(registry, 'tag', 'lib--v1.2.0');
  const project = join(root, 'project');
  mkdirSync(project);
  git(project, 'init', '-q', '-b', 'main');
  let homes = 0;
  const freshHome = () => {
    const home = join(root, `home${homes++}`);
    mkdirSync(home);
    return { home, env: envFor(home) };
  };
  const first = freshHome();
  const run = (cmd: string, pre: string[], args: string[], home: string, env?: Record<string, string>, cwd = project): RunResult => {
    const r = spawnSync(cmd, [...pre, ...args], { cwd, env: env ?? envFor(home), encoding: 'utf8', timeout: 180_000, input: '' });
    return { code: r.status ?? -1, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
  };
  return {
    root, registry, project, home: first.home, env: first.env, freshHome,
    claude: (args, o) => run(CLAUDE, [], args, o?.home ?? first.home, o?.env, o?.cwd),
    mp: (args, o) => run(process.execPath, [join(REPO, 'dist/mp.js')], args, o?.home ?? first.home, undefined, o?.cwd),
    cleanup: () => rmSync(root, { recursive: true, force: true }),
  };
}

export function envFor(home: string): Record<string, string> {
  return isolatedEnv(home, { MP_CLAUDE_BIN: CLAUDE, MP_MANAGED_SETTINGS_DIR: join(home, 'managed') });
}

export function mustOk(r: RunResult, what: string): RunResult {
  if (r.code !== 0) throw new Error(`${what} exited ${r.code}\nstdout: ${r.stdout}\nstderr: ${r.stderr}`);
  return r;
}

export function installedPlugins(home: string): Record<string, Array<{ installPath: string; version: string; gitCommitSha?: string; scope: string }>> {
  return (JSON.parse(readFileSync(join(home, '.claude/plugins/installed_plugins.json'), 'utf8')) as { plugins: Record<string, Array<{ installPath: string; version: string; scope: string }>> }).plugins;
}
