import type { AnalysisNote } from '../types.ts';
import type { AnalysisModel } from './analysis-model.ts';
import { parseJsonLoose } from './config/parse-json-loose.ts';

/** A JSON object file of the plugin, or null (absent, not an object); invalid JSON becomes a MANIFEST_INVALID_JSON note. */
export function readJson(model: AnalysisModel, path: string, notes: AnalysisNote[]): Record<string, unknown> | null {
  const text = model.texts.get(path);
  if (text === undefined) return null;
  const r = parseJsonLoose(text);
  if (!r.ok) {
    notes.push({ code: 'MANIFEST_INVALID_JSON', file: path, message: `${path} is not valid JSON (${r.message})` });
    return null;
  }
  return r.value && typeof r.value === 'object' && !Array.isArray(r.value) ? (r.value as Record<string, unknown>) : null;
}
