import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePluginCommands } from '../../scripts/policy/parse-plugin-commands.ts';
import { splitShellCommand } from '../../scripts/policy/split-shell-command.ts';
import { PLUGIN_COMMAND_CASES } from '../fixtures/policy/plugin-commands.ts';

for (const [command, expected] of PLUGIN_COMMAND_CASES) {
  test(`plugin commands in ${JSON.stringify(command)}`, () => {
    assert.deepEqual(parsePluginCommands(command).map((o) => [o.op, o.target, o.indirect]), expected);
  });
}

test('shell splitting: quotes, escapes, separators', () => {
  assert.deepEqual(splitShellCommand(`a 'b c' "d \\"e\\"" f\\ g; h && i | j`), [['a', 'b c', 'd "e"', 'f g'], ['h'], ['i'], ['j']]);
  assert.deepEqual(splitShellCommand(`echo '' ""`), [['echo', '', '']]);
  assert.deepEqual(splitShellCommand('a "unterminated'), [['a', 'unterminated']]);
});
