import type { AnalysisModel } from './analysis/analysis-model.ts';
import { parseJsonLoose } from './analysis/config/parse-json-loose.ts';
import type { FileFacts, ManifestFacts } from './score/inputs.ts';

/**
 * Manifest and file facts for the score, read from what the analysis already loaded: plugin.json (name,
 * author, repository, homepage, license), package.json's license as a fallback, a LICENSE/COPYING file or
 * LICENSES/ directory, a README. Pure.
 */
export function pluginFacts(model: Pick<AnalysisModel, 'texts' | 'entries'>, fallbackName: string): { manifest: ManifestFacts; files: FileFacts } {
  const m = json(model.texts.get('.claude-plugin/plugin.json'));
  const pkg = json(model.texts.get('package.json'));
  const author = m.author;
  const a = typeof author === 'string' ? { name: author } : author && typeof author === 'object' ? (author as Record<string, unknown>) : {};
  const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
  const repo = m.repository ?? pkg.repository;
  const manifest: ManifestFacts = {
    name: str(m.name) ?? fallbackName,
    ...(str(a.name) ? { authorName: str(a.name) } : {}),
    ...(str(a.email) ? { authorEmail: str(a.email) } : {}),
    ...(str(a.url) ? { authorUrl: str(a.url) } : {}),
    ...(str(typeof repo === 'object' && repo ? (repo as Record<string, unknown>).url : repo) ? { repository: str(typeof repo === 'object' && repo ? (repo as Record<string, unknown>).url : repo) } : {}),
    ...(str(m.homepage ?? pkg.homepage) ? { homepage: str(m.homepage ?? pkg.homepage) } : {}),
    ...(str(m.license ?? pkg.license) ? { license: str(m.license ?? pkg.license) } : {}),
  };
  const top = [...model.entries.keys()].filter((p) => !p.includes('/'));
  const files: FileFacts = {
    licenseFile: top.some((p) => /^(LICEN[CS]E|COPYING|COPYRIGHT)(\.|$|-)|^LICENSES$/i.test(p)),
    readme: top.some((p) => /^README(\.|$)/i.test(p)),
  };
  return { manifest, files };
}

/**
 * Fill what plugin.json leaves out from the marketplace entry that lists the plugin (Claude Code merges
 * the two: an entry's author, homepage, repository and license describe the plugin too).
 */
export function withEntryFacts(manifest: ManifestFacts, entry: Record<string, unknown> | undefined): ManifestFacts {
  if (!entry) return manifest;
  const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
  const author = entry.author && typeof entry.author === 'object' ? (entry.author as Record<string, unknown>) : typeof entry.author === 'string' ? { name: entry.author } : {};
  const repo = typeof entry.repository === 'object' && entry.repository ? (entry.repository as Record<string, unknown>).url : entry.repository;
  const fill: Partial<ManifestFacts> = {
    ...(str(author.name) ? { authorName: str(author.name) } : {}),
    ...(str(author.email) ? { authorEmail: str(author.email) } : {}),
    ...(str(author.url) ? { authorUrl: str(author.url) } : {}),
    ...(str(repo) ? { repository: str(repo) } : {}),
    ...(str(entry.homepage) ? { homepage: str(entry.homepage) } : {}),
    ...(str(entry.license) ? { license: str(entry.license) } : {}),
  };
  return { ...fill, ...Object.fromEntries(Object.entries(manifest).filter(([, v]) => v !== undefined)) } as ManifestFacts;
}

function json(text: string | undefined): Record<string, unknown> {
  if (text === undefined) return {};
  const r = parseJsonLoose(text);
  return r.ok && r.value && typeof r.value === 'object' && !Array.isArray(r.value) ? (r.value as Record<string, unknown>) : {};
}
