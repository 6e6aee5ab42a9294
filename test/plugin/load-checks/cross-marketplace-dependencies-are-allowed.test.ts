import { test } from 'node:test';
import { crossMarketplaceDependenciesAreAllowed, RULE } from '../../../scripts/plugin/load-checks/cross-marketplace-dependencies-are-allowed.ts';
import { json, market, runTable } from './helpers.ts';

const app = (deps: unknown[]) => ({ 'app/.claude-plugin/plugin.json': json({ name: 'app', dependencies: deps }) });

test('crossMarketplaceDependenciesAreAllowed', () => runTable(crossMarketplaceDependenciesAreAllowed, RULE, [
  { name: 'other marketplace, not allowed', spec: market([{ name: 'app', source: './app' }], app(['olib@other', { name: 'x', marketplace: 'third' }])), expect: ['error dependencies[0] @4', 'error dependencies[1] @5'] },
  { name: 'allowed', spec: market([{ name: 'app', source: './app' }], app(['olib@other']), { allowCrossMarketplaceDependenciesOn: ['other'] }), expect: [] },
  { name: 'same marketplace', spec: market([{ name: 'app', source: './app' }], app(['lib', 'lib@mkt'])), expect: [] },
]));
