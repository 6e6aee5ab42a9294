import { GENERATORS, type GeneratedFile } from './outputs.ts';

/** Run every generator listed in outputs.ts; returns the files they would write (repo-relative paths). */
export async function runGenerators(): Promise<GeneratedFile[]> {
  const out: GeneratedFile[] = [];
  for (const load of GENERATORS) out.push(...(await (await load()).generate()));
  return out;
}
