import { marketplaceBaseSchema } from './schema/marketplace.ts';
import { marketplaceEntrySchema } from './schema/marketplace-entry.ts';
import { relevanceSchema, relevanceSignalsSchema } from './schema/relevance.ts';
import { unknownKeyWarnings } from './unknown-key-warnings.ts';
import { experimentalWarnings } from './plugin-manifest-warnings.ts';
import { jsonTypeName } from './zod-issues.ts';
import type { Issue } from './report.ts';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Unknown-key and shape warnings for a marketplace.json object (top level, metadata, each entry). */
export function marketplaceWarnings(m: Record<string, unknown>): Issue[] {
  const base = marketplaceBaseSchema();
  const out = unknownKeyWarnings(m, Object.keys(base.shape), '');
  if (isObject(m.metadata)) out.push(...unknownKeyWarnings(m.metadata, ['pluginRoot', 'version', 'description'], 'metadata'));
  if (!Array.isArray(m.plugins)) return out;
  const entryKeys = Object.keys(marketplaceEntrySchema().shape);
  const relevanceKeys = Object.keys(relevanceSchema().shape);
  const signalKeys = Object.keys(relevanceSignalsSchema().shape);
  m.plugins.forEach((entry, i) => {
    if (!isObject(entry)) return;
    out.push(...unknownKeyWarnings(entry, entryKeys, `plugins[${i}]`));
    if (entry.experimental !== undefined) out.push(...experimentalWarnings(entry.experimental, `plugins[${i}].experimental`));
    const relevance = entry.relevance;
    if (isObject(relevance)) {
      out.push(...unknownKeyWarnings(relevance, relevanceKeys, `plugins[${i}].relevance`));
      if (isObject(relevance.signals)) out.push(...unknownKeyWarnings(relevance.signals, signalKeys, `plugins[${i}].relevance.signals`));
    } else if (relevance !== undefined) {
      out.push({ path: `plugins[${i}].relevance`, message: `'relevance' must be an object containing topic and signals; got ${jsonTypeName(relevance)}. It will be ignored at load time.` });
    }
  });
  return out;
}
