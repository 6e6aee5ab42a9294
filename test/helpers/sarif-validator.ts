import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { REPO } from './claude.ts';

/**
 * The official SARIF 2.1.0 schema (test/fixtures/sarif/SOURCE.md), compiled. It is draft-04; ajv 8 reads it
 * once the draft-04 `id` keyword is spelled `$id` and the meta-schema is draft-07 (the schema uses no
 * other draft-04-only construct). Its `language` pattern is not valid under the `u` flag, so regexes are
 * compiled without it. Formats are checked by small functions instead of ajv-formats.
 */
export function sarifValidator() {
  const schema = JSON.parse(readFileSync(join(REPO, 'test/fixtures/sarif/sarif-2.1.0-rtm.5.json'), 'utf8'));
  schema.$id = schema.id;
  delete schema.id;
  schema.$schema = 'http://json-schema.org/draft-07/schema#';
  const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
  ajv.addFormat('uri', (s: string) => URL.canParse(s));
  ajv.addFormat('uri-reference', (s: string) => !/\s/.test(s));
  ajv.addFormat('date-time', (s: string) => !Number.isNaN(Date.parse(s)));
  return ajv.compile(schema);
}
