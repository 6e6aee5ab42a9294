import { test } from 'node:test';
import { relativeSourceExists, RULE } from '../../../scripts/plugin/load-checks/relative-source-exists.ts';
import { market, runTable } from './helpers.ts';

test('relativeSourceExists', () => runTable(relativeSourceExists, RULE, [
  { name: 'missing directory', spec: market([{ name: 'a', source: './nope' }]), expect: ['error plugins[0].source @9'] },
  { name: 'a file, not a directory', spec: market([{ name: 'a', source: './a.txt' }], { 'a.txt': 'x' }), expect: ['error plugins[0].source @9'] },
  { name: 'existing directory', spec: market([{ name: 'a', source: './a' }], { 'a/x.md': '' }), expect: [] },
  { name: 'the marketplace root itself', spec: market([{ name: 'a', source: './' }]), expect: [] },
  { name: 'remote and ".." sources are not ours', spec: market([{ name: 'a', source: { source: 'github', repo: 'o/r' } }, { name: 'b', source: '../b' }]), expect: [] },
  { name: 'only under pluginRoot: the pluginRoot rule reports it', spec: market([{ name: 'a', source: './a' }], { 'plugins/a/x.md': '' }, { metadata: { pluginRoot: './plugins' } }), expect: [] },
]));
