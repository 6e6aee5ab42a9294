import { readFileSync, unlinkSync } from 'node:fs';
import { onlyPluginsChanged } from '../federation/only-plugins-changed.ts';
import { writeFileAtomic } from './atomic-write.ts';
import { projectSettingsPaths } from './claude-state/paths.ts';

export type SettingsSnapshot = Array<{ path: string; text: string | undefined }>;

/** The project's settings files (.claude/settings.json and settings.local.json) as they are now (undefined: absent). */
export function snapshotProjectSettings(projectDir: string): SettingsSnapshot {
  return Object.values(projectSettingsPaths(projectDir)).map((path) => ({ path, text: readText(path) }));
}

/**
 * After `claude plugin uninstall` rolled back `ids`: give each settings file its bytes from `snap` back
 * (or remove it when the install created it), so a refused install leaves the project's committed
 * settings as they were, including entries the project had enabled before. A file that changed in
 * anything else is left as it is and reported.
 */
export function restoreProjectSettings(snap: SettingsSnapshot, ids: readonly string[]): string[] {
  const problems: string[] = [];
  for (const { path, text } of snap) {
    const now = readText(path);
    if (now === text) continue;
    try {
      if (now === undefined || !onlyPluginsChanged(text === undefined ? undefined : JSON.parse(text), JSON.parse(now), ids)) throw new Error('changed meanwhile');
      if (text === undefined) unlinkSync(path);
      else writeFileAtomic(path, text);
    } catch (e) {
      problems.push(`could not put ${path} back as it was (${e instanceof Error ? e.message : String(e)})`);
    }
  }
  return problems;
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}
