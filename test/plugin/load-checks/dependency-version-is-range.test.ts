import { test } from 'node:test';
import { dependencyVersionIsRange, RULE } from '../../../scripts/plugin/load-checks/dependency-version-is-range.ts';
import { json, runTable } from './helpers.ts';

const deps = (d: unknown[]) => ({ '.claude-plugin/plugin.json': json({ name: 'p', dependencies: d }) });

test('dependencyVersionIsRange', () => runTable(dependencyVersionIsRange, RULE, [
  { name: 'not a range', spec: deps([{ name: 'lib', version: 'not a range' }]), expect: ['error dependencies[0].version @6'] },
  { name: 'latest is not a range', spec: deps([{ name: 'a', version: '^1' }, { name: 'lib', version: 'latest' }]), expect: ['error dependencies[1].version @10'] },
  { name: 'npm ranges', spec: deps(['x', { name: 'a', version: '~2.1.0' }, { name: 'b', version: '>=1.4 <2' }, { name: 'c', version: '1.0.0 - 2.0.0' }, { name: 'd', version: '=2.1.0' }, { name: 'e' }]), expect: [] },
]));
