import { test } from 'node:test';
import assert from 'node:assert/strict';
import { editedFile } from '../../scripts/devstudio/edited-file.ts';

test('tool_input.file_path wins and is normalized', () => {
  assert.equal(editedFile({ tool_input: { file_path: '/p/./a/../b.md' }, tool_response: { filePath: '/other' } }), '/p/b.md');
});

test('falls back to tool_response.filePath', () => {
  assert.equal(editedFile({ tool_input: {}, tool_response: { filePath: '/p/x.json' } }), '/p/x.json');
});

test('a relative path is resolved against the event cwd', () => {
  assert.equal(editedFile({ cwd: '/proj', tool_input: { file_path: 'commands/x.md' } }), '/proj/commands/x.md');
});

test('a relative path without an absolute cwd gives null', () => {
  assert.equal(editedFile({ cwd: 'rel', tool_input: { file_path: 'x.md' } }), null);
  assert.equal(editedFile({ tool_input: { file_path: 'x.md' } }), null);
});

test('no usable path gives null', () => {
  for (const event of [null, 42, 'str', [], {}, { tool_input: null }, { tool_input: { file_path: 7 } }, { tool_input: { file_path: '' } }, { tool_input: { file_path: '/p/a\0b' } }, { tool_input: [{ file_path: '/x' }] }]) {
    assert.equal(editedFile(event), null, JSON.stringify(event));
  }
});
