// Shared by the corpus test and its regeneration: every finding on the real plugins of ../shared/corpus.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { corpusPlugins } from '../../../scripts/io/corpus-plugins.ts';
import { nodePluginFiles } from '../../../scripts/io/plugin-files.ts';
import { analyzeLoaded } from '../../../scripts/trust/analysis/analyze-plugin.ts';
import { loadShellParser } from '../../../scripts/trust/analysis/shell/load-shell-parser.ts';

export const CORPUS = resolve(import.meta.dirname, '../../../../shared/corpus');
export const RECORD = join(import.meta.dirname, '../../fixtures/trust/corpus-findings.json');
export const corpusAvailable = existsSync(join(CORPUS, 'plugins'));

export interface Recorded { key: string; ruleId: string; severity: string; message: string; verdict: 'real' | 'false-positive' | 'unreviewed'; note: string }

export async function corpusFindings(): Promise<Array<Omit<Recorded, 'verdict' | 'note'>>> {
  await loadShellParser();
  const out: Array<Omit<Recorded, 'verdict' | 'note'>> = [];
  for (const p of corpusPlugins(CORPUS)) {
    for (const f of analyzeLoaded(nodePluginFiles(p.dir)).findings) {
      out.push({ key: `${p.rel}/${f.file}:${f.line} ${f.ruleId}`, ruleId: f.ruleId, severity: f.severity, message: f.message });
    }
  }
  return out;
}
