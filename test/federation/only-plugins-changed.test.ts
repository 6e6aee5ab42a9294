// onlyPluginsChanged: when a rollback may give a settings file its old bytes back.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { onlyPluginsChanged } from '../../scripts/federation/only-plugins-changed.ts';

const ids = ['x@m'];

test('changes limited to the rolled-back plugins\' enabledPlugins entries', () => {
  assert.equal(onlyPluginsChanged({ enabledPlugins: { 'x@m': true, 'y@m': true } }, { enabledPlugins: { 'y@m': true } }, ids), true, 'uninstall dropped an entry the project had');
  assert.equal(onlyPluginsChanged({ env: { A: '1' } }, { env: { A: '1' }, enabledPlugins: {} }, ids), true, 'an empty enabledPlugins was added');
  assert.equal(onlyPluginsChanged(undefined, { enabledPlugins: {} }, ids), true, 'the file did not exist');
  assert.equal(onlyPluginsChanged(undefined, { enabledPlugins: { 'x@m': true } }, ids), true);
});

test('anything else changed: leave the file alone', () => {
  assert.equal(onlyPluginsChanged({ enabledPlugins: { 'y@m': true } }, { enabledPlugins: {} }, ids), false, 'another plugin\'s entry went away');
  assert.equal(onlyPluginsChanged({ enabledPlugins: { 'y@m': true } }, { enabledPlugins: { 'y@m': false } }, ids), false);
  assert.equal(onlyPluginsChanged({ env: { A: '1' } }, { env: { A: '2' } }, ids), false);
  assert.equal(onlyPluginsChanged(undefined, { permissions: { allow: ['Bash'] } }, ids), false);
  assert.equal(onlyPluginsChanged({}, [], ids), false);
  assert.equal(onlyPluginsChanged({ enabledPlugins: 'weird' }, { enabledPlugins: 'weird' }, ids), true);
});
