import { test } from 'node:test';
import { sourceDoesNotRelyOnPluginRoot, RULE } from '../../../scripts/plugin/load-checks/source-does-not-rely-on-plugin-root.ts';
import { market, runTable } from './helpers.ts';

const ROOTED = { metadata: { pluginRoot: './plugins' } };

test('sourceDoesNotRelyOnPluginRoot', () => runTable(sourceDoesNotRelyOnPluginRoot, RULE, [
  { name: './x only under pluginRoot', spec: market([{ name: 'a', source: './a' }], { 'plugins/a/x.md': '' }, ROOTED), expect: ['error plugins[0].source @9'] },
  { name: 'bare name under pluginRoot', spec: market([{ name: 'a', source: 'a' }], { 'plugins/a/x.md': '' }, ROOTED), expect: ['error plugins[0].source @9'] },
  { name: 'full path from the root', spec: market([{ name: 'a', source: './plugins/a' }], { 'plugins/a/x.md': '' }, ROOTED), expect: [] },
  { name: 'exists at the root too', spec: market([{ name: 'a', source: './a' }], { 'a/x.md': '', 'plugins/a/x.md': '' }, ROOTED), expect: [] },
  { name: 'no pluginRoot', spec: market([{ name: 'a', source: './a' }], { 'plugins/a/x.md': '' }), expect: [] },
  { name: 'missing everywhere: the source rule reports it', spec: market([{ name: 'a', source: './a' }], {}, ROOTED), expect: [] },
]));
