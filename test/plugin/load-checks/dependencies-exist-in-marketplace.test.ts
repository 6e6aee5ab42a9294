import { test } from 'node:test';
import { dependenciesExistInMarketplace, RULE } from '../../../scripts/plugin/load-checks/dependencies-exist-in-marketplace.ts';
import { json, market, runTable } from './helpers.ts';

const app = (deps: unknown[]) => ({ 'app/.claude-plugin/plugin.json': json({ name: 'app', dependencies: deps }), 'lib/x.md': '' });
const entries = [{ name: 'app', source: './app' }, { name: 'lib', source: './lib' }];

test('dependenciesExistInMarketplace', () => runTable(dependenciesExistInMarketplace, RULE, [
  { name: 'bare name not in the marketplace', spec: market(entries, app(['ghost'])), expect: ['error dependencies[0] @4'] },
  { name: 'own marketplace named explicitly', spec: market(entries, app([{ name: 'ghost', marketplace: 'mkt' }])), expect: ['error dependencies[0] @4'] },
  { name: 'present, or in another marketplace', spec: market(entries, app(['lib', 'lib@mkt', 'x@other', { name: 'lib', version: '^1' }])), expect: [] },
  { name: 'plugin target: the marketplace is unknown', spec: { '.claude-plugin/plugin.json': json({ name: 'p', dependencies: ['ghost'] }) }, expect: [] },
]));
