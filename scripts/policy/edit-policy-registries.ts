import { Document, isMap, isSeq, parseDocument } from 'yaml';
import type { RegistrySourceDoc } from './types.ts';

export interface RegistryEntryDoc { name: string; source?: RegistrySourceDoc; priority?: number }

const HEADER = ' marketplace-pro plugin policy (schemas/policy.schema.json; see skills/federation/references/policy.md)';

/**
 * Add (or replace, same name) a registry in the policy text, keeping the rest of the file — comments
 * included — as written. `text` null starts a new policy file. Pure: the caller validates and writes.
 */
export function upsertPolicyRegistry(text: string | null, entry: RegistryEntryDoc): string {
  const doc = text === null || text.trim() === '' ? newDoc() : parseDocument(text.replace(/^\uFEFF/, ''));
  let seq = doc.get('registries');
  if (!isSeq(seq)) {
    doc.set('registries', doc.createNode([]));
    seq = doc.get('registries');
  }
  if (!isSeq(seq)) throw new Error('registries is not a list');
  const node = doc.createNode(entry);
  const at = seq.items.findIndex((it) => isMap(it) && it.get('name') === entry.name);
  if (at >= 0) seq.items[at] = node;
  else seq.items.push(node);
  return doc.toString({ lineWidth: 0 });
}

/** Remove a registry by name; `removed` false when the policy does not list it. */
export function removePolicyRegistry(text: string, name: string): { text: string; removed: boolean } {
  const doc = parseDocument(text.replace(/^\uFEFF/, ''));
  const seq = doc.get('registries');
  if (!isSeq(seq)) return { text, removed: false };
  const at = seq.items.findIndex((it) => isMap(it) && it.get('name') === name);
  if (at < 0) return { text, removed: false };
  seq.items.splice(at, 1);
  return { text: doc.toString({ lineWidth: 0 }), removed: true };
}

function newDoc(): Document {
  const doc = new Document({ version: 1, registries: [] });
  doc.commentBefore = HEADER;
  return doc;
}
