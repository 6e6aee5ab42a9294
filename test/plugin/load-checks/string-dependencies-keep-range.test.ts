import { test } from 'node:test';
import assert from 'node:assert/strict';
import { stringDependenciesKeepRange, RULE } from '../../../scripts/plugin/load-checks/string-dependencies-keep-range.ts';
import { check, json, runTable } from './helpers.ts';

const deps = (d: unknown[]) => ({ '.claude-plugin/plugin.json': json({ name: 'p', dependencies: d }) });

test('stringDependenciesKeepRange', () => runTable(stringDependenciesKeepRange, RULE, [
  { name: 'name@^range', spec: deps(['lib@^1.0.0']), expect: ['warning dependencies[0] @4'] },
  { name: 'name@mkt@^range', spec: deps(['ok', 'lib@mkt@^2']), expect: ['warning dependencies[1] @5'] },
  { name: 'plain names and object form', spec: deps(['lib', 'lib@mkt', { name: 'x', version: '^1' }]), expect: [] },
  { name: 'schema-invalid strings are the claude level\'s', spec: deps(['a@>=1.0.0', '@scope/x']), expect: [] },
]));

test('stringDependenciesKeepRange suggests the object form', () => {
  const [f] = check(stringDependenciesKeepRange, deps(['lib@mkt@^2.1']));
  assert.match(f.hint ?? '', /"name":"lib","marketplace":"mkt","version":"\^2\.1"/);
});
