import { COMPONENT_BYTE_CAP } from '../load-checks/component-files-fit-size-cap.ts';
import type { JsonObject, PluginContext } from '../load-checks/plugin-context.ts';
import { componentFiles, type ComponentFile } from '../load-checks/support/component-files.ts';
import { parseMarkdown, textField, type Markdown } from '../load-checks/support/frontmatter.ts';
import { readText } from '../load-checks/support/read-json.ts';
import { perContext } from '../load-checks/support/per-context.ts';

export interface ComponentText extends ComponentFile {
  md: Markdown;
  data: JsonObject;
  /** Frontmatter description as Claude Code reads it (trimmed; numbers/booleans stringified), or undefined. */
  description: string | undefined;
  whenToUse: string | undefined;
}

/** The plugin's markdown components with their parsed frontmatter (files that cannot be read are left out). */
export const componentTexts: (ctx: PluginContext) => ComponentText[] = perContext(compute);

function compute(ctx: PluginContext): ComponentText[] {
  const out: ComponentText[] = [];
  for (const c of componentFiles(ctx)) {
    const text = readText(ctx.fs, c.file, COMPONENT_BYTE_CAP, ctx.boundary);
    if (text === null) continue;
    const md = parseMarkdown(text);
    const description = textField(md.data, 'description')?.trim() || undefined;
    const when = md.data.when_to_use;
    out.push({ ...c, md, data: md.data, description, whenToUse: when === undefined || when === null ? undefined : String(when) });
  }
  return out;
}

/** The plugin name components are namespaced with: plugin.json `name`, else the entry name. */
export function namespaceOf(ctx: PluginContext): string {
  const n = ctx.manifest?.name ?? ctx.marketplace?.entry?.name;
  return typeof n === 'string' ? n : 'plugin';
}
