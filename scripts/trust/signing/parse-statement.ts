import { STATEMENT_TYPE } from './plugin-statement.ts';

/**
 * Read the subject out of a DSSE payload. The payload is attacker-controlled bytes until the
 * signature over them has been verified, and even then only says what the signer claimed: parse
 * defensively and accept only the one shape a plugin signature has (one subject, a sha256 digest).
 * Both Statement v1 and v0.1 are read, so public-good bundles (npm provenance) can be inspected.
 */
export type ParsedStatement =
  | { ok: true; predicateType: string; subjects: Array<{ name: string; digest: Record<string, string> }> }
  | { ok: false; reason: string };

const MAX_SUBJECTS = 1024;

export function parseStatement(payload: Uint8Array): ParsedStatement {
  let doc: unknown;
  try {
    doc = JSON.parse(Buffer.from(payload).toString('utf8'));
  } catch {
    return { ok: false, reason: 'the payload is not JSON' };
  }
  if (!isRecord(doc)) return { ok: false, reason: 'the payload is not a JSON object' };
  if (doc._type !== STATEMENT_TYPE && doc._type !== 'https://in-toto.io/Statement/v0.1') {
    return { ok: false, reason: `the payload is not an in-toto Statement (_type ${short(doc._type)})` };
  }
  if (!Array.isArray(doc.subject) || doc.subject.length === 0 || doc.subject.length > MAX_SUBJECTS) {
    return { ok: false, reason: 'the statement has no subject list' };
  }
  const subjects: Array<{ name: string; digest: Record<string, string> }> = [];
  for (const s of doc.subject as unknown[]) {
    if (!isRecord(s) || typeof s.name !== 'string' || !isRecord(s.digest)) return { ok: false, reason: 'a subject has no name or digest' };
    const digest: Record<string, string> = {};
    for (const [alg, value] of Object.entries(s.digest)) if (typeof value === 'string') digest[alg] = value;
    subjects.push({ name: s.name, digest });
  }
  return { ok: true, predicateType: typeof doc.predicateType === 'string' ? doc.predicateType : '', subjects };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function short(v: unknown): string {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 80 ? `${s.slice(0, 80)}…` : s;
}
