import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import { MpError, truncate } from '../core/errors.ts';
import { validatePolicyDoc } from '../policy/validate-policy-doc.ts';
import type { PolicyDoc } from '../policy/types.ts';

/** Larger than any sane policy; a huge file is refused rather than parsed. */
const MAX_POLICY_BYTES = 1024 * 1024;

/**
 * Read and validate a policy file (YAML, BOM and CRLF tolerated). Throws MpError:
 * POLICY_MISSING, POLICY_UNREADABLE, POLICY_TOO_LARGE, POLICY_PARSE (not YAML, duplicate keys,
 * several documents), POLICY_INVALID (not the schema, unknown fields included).
 */
export function readPolicyFile(path: string): PolicyDoc {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new MpError('POLICY_MISSING', `could not read policy ${path} — file not found`, { hint: 'create it with /mp:setup or point MP_ORG_POLICY / --org-policy at an existing file' });
    throw new MpError('POLICY_UNREADABLE', `could not read policy ${path} — ${code ?? String(e)}`, { hint: 'fix the file permissions; until then every plugin change is denied' });
  }
  if (bytes.length > MAX_POLICY_BYTES) throw new MpError('POLICY_TOO_LARGE', `policy ${path} is ${bytes.length} bytes (limit ${MAX_POLICY_BYTES})`, { hint: 'a policy is a short YAML file; check you pointed at the right one' });
  return parsePolicyText(bytes.toString('utf8'), path);
}

/** Parse and validate policy text (exported for tests and for the files mp writes). */
export function parsePolicyText(text: string, path: string): PolicyDoc {
  const doc = parseDocument(text.replace(/^\uFEFF/, ''), { uniqueKeys: true, prettyErrors: false, strict: true });
  const err = doc.errors[0];
  if (err) throw new MpError('POLICY_PARSE', `could not parse policy ${path} — ${truncate(err.message.split('\n')[0])}`, { hint: 'fix the YAML syntax; until then every plugin change is denied' });
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 50 });
  } catch (e) {
    throw new MpError('POLICY_PARSE', `could not parse policy ${path} — ${truncate(e instanceof Error ? e.message : String(e))}`, { hint: 'remove YAML aliases and anchors from the policy' });
  }
  if (value === null || value === undefined) value = {};
  const v = validatePolicyDoc(value);
  if (!v.ok) throw new MpError('POLICY_INVALID', `policy ${path} does not match schemas/policy.schema.json — ${truncate(v.issues.slice(0, 3).join('; '), 400)}`, { hint: 'unknown fields and wrong types are refused; see skills/federation/references/policy.md' });
  return v.doc;
}
