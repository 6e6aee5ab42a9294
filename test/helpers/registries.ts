// Build marketplace registries for federation tests: a directory tree, optionally a real git repository
// (reached by file://), and an HTTP server on 127.0.0.1 serving a marketplace.json.
import { spawnSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testdir, json, type TreeSpec } from './testdir.ts';

export interface PluginSpec {
  name: string;
  description?: string;
  category?: string;
  keywords?: string[];
  /** Entry source; default `./plugins/<name>` with a tree built from the fields below. */
  source?: unknown;
  /** plugin.json name when it differs from the entry name. */
  manifestName?: string;
  commands?: Record<string, string>;
  skills?: Record<string, string>;
  agents?: Record<string, string>;
}

/** A marketplace tree: .claude-plugin/marketplace.json and one plugin directory per relative entry. */
export function marketplaceTree(name: string, plugins: PluginSpec[], root?: string): string {
  const spec: TreeSpec = {};
  const entries = plugins.map((p) => {
    const source = p.source ?? `./plugins/${p.name}`;
    if (p.source === undefined) {
      const dir = `plugins/${p.name}`;
      spec[`${dir}/.claude-plugin/plugin.json`] = json({ name: p.manifestName ?? p.name, version: '1.0.0' });
      for (const [c, d] of Object.entries(p.commands ?? {})) spec[`${dir}/commands/${c}.md`] = `---\ndescription: ${d}\n---\nDo it.\n`;
      for (const [s, d] of Object.entries(p.skills ?? {})) spec[`${dir}/skills/${s}/SKILL.md`] = `---\nname: ${s}\ndescription: ${d}\n---\nSkill.\n`;
      for (const [a, d] of Object.entries(p.agents ?? {})) spec[`${dir}/agents/${a}.md`] = `---\nname: ${a}\ndescription: ${d}\n---\nAgent.\n`;
    }
    return { name: p.name, source, ...(p.description ? { description: p.description } : {}), ...(p.category ? { category: p.category } : {}), ...(p.keywords ? { keywords: p.keywords } : {}) };
  });
  spec['.claude-plugin/marketplace.json'] = json({ name, owner: { name: 'tests' }, description: `${name} registry`, plugins: entries });
  return testdir(spec, root ?? mkdtempSync(join(tmpdir(), `mp-reg-${name}-`)));
}

export function git(cwd: string, ...args: string[]): string {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8', timeout: 30_000, env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' } });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout.trim();
}

/** A marketplace tree committed to a fresh git repository; returns its path and file:// URL. */
export function gitRegistry(name: string, plugins: PluginSpec[]): { dir: string; url: string; commit: string } {
  const dir = marketplaceTree(name, plugins);
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'registry');
  return { dir, url: `file://${dir}`, commit: git(dir, 'rev-parse', 'HEAD') };
}

/** Commit the current state of a git registry (after editing its files). */
export function commitAll(dir: string, message = 'update'): string {
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', message);
  return git(dir, 'rev-parse', 'HEAD');
}

/** Serve files from a map path → body on 127.0.0.1; `hits` counts requests per path. */
export async function serveHttp(files: Record<string, string>): Promise<{ url: string; server: Server; hits: Map<string, number>; close: () => Promise<void> }> {
  const hits = new Map<string, number>();
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const body = files[path];
    if (body === undefined) { res.writeHead(404).end('not found'); return; }
    res.writeHead(200, { 'content-type': 'application/json' }).end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, server, hits, close: () => new Promise((r) => server.close(() => r())) };
}

/** A git global config redirecting https://github.com/ to local bare directories (GitHub owner/repo in tests). */
export function githubRedirect(base: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'mp-gitcfg-')), 'gitconfig');
  writeFileSync(file, `[url "file://${base}/"]\n\tinsteadOf = https://github.com/\n[protocol "file"]\n\tallow = always\n`);
  return file;
}
