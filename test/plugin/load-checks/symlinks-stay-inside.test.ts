import { test } from 'node:test';
import { mkdtempSync, writeFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { symlinksStayInside, RULE } from '../../../scripts/plugin/load-checks/symlinks-stay-inside.ts';
import { json, market, runTable } from './helpers.ts';

const outside = join(mkdtempSync(join(tmpdir(), 'mp-outside-')), 'secret.md');
writeFileSync(outside, 'x');

test('symlinksStayInside', () => runTable(symlinksStayInside, RULE, [
  { name: 'plugin: link out of the plugin', spec: { '.claude-plugin/plugin.json': json({ name: 'p' }) }, setup: (r) => symlinkSync(outside, join(r, 'commands.md')), expect: ['warning'] },
  { name: 'marketplace: link out of the marketplace', spec: market([{ name: 'p', source: './p' }], { 'p/x.md': '' }), setup: (r) => symlinkSync(outside, join(r, 'p', 'leak.md')), expect: ['error'] },
  { name: 'marketplace: link to a sibling inside the repo is copied', spec: market([{ name: 'p', source: './p' }], { 'p/x.md': '', 'shared/a.md': '' }), setup: (r) => symlinkSync('../shared/a.md', join(r, 'p', 'a.md')), expect: [] },
  { name: 'links inside the plugin, dangling links', spec: { '.claude-plugin/plugin.json': json({ name: 'p' }), 'a.md': '', 'b.md': { symlink: 'a.md' }, 'c.md': { symlink: 'gone.md' } }, expect: [] },
]));
