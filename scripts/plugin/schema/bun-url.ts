import * as z from 'zod';

/**
 * `z.string().url()` as Claude Code's runtime (Bun) decides it. zod's check is `new URL(value)`, and
 * Bun's URL parser (WebKit) differs from Node's (Ada) on one point found by the differential tests: a
 * host that is all ASCII is not IDNA-validated, so `xn--` labels that are not valid punycode
 * (`https://xn--a.com`) parse in Bun and throw in Node. Such a URL is accepted here when it parses with
 * those labels neutralised and its host stays ASCII. Everything else is zod's own check, so the issue
 * (`Invalid URL`), its path, the normalised value later checks see (the href) and the generated JSON
 * Schema (`format: uri`) are unchanged. `then` adds the checks that follow `.url()` (startsWith, refine)
 * before the metadata is attached.
 */
export function bunUrl(then: (url: z.ZodString) => z.ZodType = (u) => u): z.ZodString {
  const plain = z.string().url();
  const checked = z.string().check((ctx) => {
    const value = ctx.value;
    if (acceptedByBunOnly(value)) return;
    const r = plain.safeParse(value);
    // zod's check also normalises the value to the URL's href (later checks such as startsWith see that).
    if (r.success) ctx.value = r.data;
    else for (const issue of r.error.issues) ctx.issues.push({ ...issue, input: value, continue: true } as never);
  });
  // The metadata goes on the finished schema (a chained check would drop it): JSON Schema `format: uri`.
  return then(checked as unknown as z.ZodString).meta({ format: 'uri' }) as unknown as z.ZodString;
}

function acceptedByBunOnly(value: string): boolean {
  if (!/xn--/i.test(value) || URL.canParse(value)) return false;
  const swapped = value.replace(/xn--/gi, 'xnzz');
  if (!URL.canParse(swapped)) return false;
  const host = new URL(swapped).hostname;
  return /^[\x21-\x7e]*$/.test(host) && !/xn--/i.test(host);
}
