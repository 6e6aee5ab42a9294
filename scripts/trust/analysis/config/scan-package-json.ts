import { lineOfJsonPath } from '../../../plugin/json-line.ts';
import type { Unit } from '../model.ts';
import type { ScanContext } from '../scan-context.ts';
import { commandUnit } from './hook-command-unit.ts';
import { parseJsonLoose } from './parse-json-loose.ts';

export interface PackageScript { name: string; command: string; line: number; lifecycle: boolean; unit: Unit }

const LIFECYCLE = new Set(['preinstall', 'install', 'postinstall', 'prepare', 'preprepare', 'postprepare', 'prepublish']);

/** A package.json's scripts: install-time ones run when anyone installs the package (P1); all are scanned as shell. */
export function scanPackageJson(text: string, ctx: ScanContext): PackageScript[] {
  const parsed = parseJsonLoose(text);
  if (!parsed.ok || !parsed.value || typeof parsed.value !== 'object') return [];
  const scripts = (parsed.value as Record<string, unknown>).scripts;
  if (!scripts || typeof scripts !== 'object' || Array.isArray(scripts)) return [];
  const out: PackageScript[] = [];
  for (const [name, command] of Object.entries(scripts).slice(0, 200)) {
    if (typeof command !== 'string') continue;
    const line = lineOfJsonPath(text, ['scripts', name]) ?? 1;
    out.push({ name, command, line, lifecycle: LIFECYCLE.has(name), unit: commandUnit(command, line, 'package-script', ctx) });
  }
  return out;
}
