import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lineOfJsonPath } from '../../scripts/plugin/json-line.ts';

const TEXT = '{\n  "name": "p",\n  "hooks": [\n    "./a.json",\n    { "Stop": [] }\n  ],\n  "x": {"y": {"z": 1}}\n}\n';

test('lineOfJsonPath finds keys and array items', () => {
  const rows: Array<[Array<string | number>, number | undefined]> = [
    [[], 1],
    [['name'], 2],
    [['hooks'], 3],
    [['hooks', 0], 4],
    [['hooks', 1, 'Stop'], 5],
    [['x', 'y', 'z'], 7],
    [['missing'], undefined],
    [['hooks', 9], undefined],
    [['name', 'deeper'], undefined],
  ];
  for (const [path, line] of rows) assert.equal(lineOfJsonPath(TEXT, path), line, JSON.stringify(path));
});

test('lineOfJsonPath: last duplicate key wins (as JSON.parse), CRLF counts lines, bad JSON gives undefined', () => {
  assert.equal(lineOfJsonPath('{\n"a": 1,\n"a": 2\n}', ['a']), 3);
  assert.equal(lineOfJsonPath('{\r\n"a": 1,\r\n"b": 2\r\n}', ['b']), 3);
  assert.equal(lineOfJsonPath('{"a": ', ['a']), undefined);
});
