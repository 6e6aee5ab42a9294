import type { RawFinding, Rule } from '../analysis-model.ts';
import type { Severity } from '../../types.ts';
import { effectsOf } from './effects-of.ts';

/**
 * M1: a launcher that fetches code at every start without an exact pin (npx/bunx/uvx/pipx/docker run…).
 * MCP/LSP servers: high unpinned, medium for a movable tag. Hook commands and `!` injections: high when
 * forced (-y, uvx, docker) or @latest, medium otherwise. Scripts: only explicit @latest or unpinned git.
 */
export const unpinnedMcp: Rule = {
  id: 'M1-unpinned-mcp',
  severity: 'high',
  title: 'Fetches unpinned code at run time',
  hint: 'Pin an exact version (npx pkg@1.2.3, uvx pkg==1.2.3, git+…@<commit>) or an image digest (image@sha256:…), so the registry cannot change what runs.',
  check: (model) =>
    effectsOf(model, 'runtime-fetch').flatMap(({ effect: e, unit }): RawFinding[] => {
      if (e.pin === 'exact') return [];
      const latest = /@latest$|@next$|^git\+|^https?:/.test(e.spec);
      let severity: Severity | null;
      if (unit.origin === 'mcp' || unit.origin === 'lsp') severity = e.pin === 'tag' ? 'medium' : 'high';
      else if (unit.origin === 'hook' || unit.origin === 'injection' || unit.origin === 'settings') severity = e.pin === 'tag' ? 'low' : e.forced || latest ? 'high' : 'medium';
      else severity = e.pin === 'none' && latest ? 'medium' : null;
      if (!severity) return [];
      const what = unit.origin === 'mcp' || unit.origin === 'lsp' ? `${unit.origin.toUpperCase()} server` : unit.origin === 'file' ? 'script' : unit.origin;
      return [{ severity, loc: e.loc, message: `${what} runs ${e.launcher} ${e.spec.slice(0, 80)} ${e.pin === 'tag' ? 'by a movable tag' : 'without an exact version'}: each start may fetch different code` }];
    }),
};
