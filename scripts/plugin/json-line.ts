import { LineCounter, isMap, isSeq, isScalar, parseDocument, type Node } from 'yaml';

export type JsonPath = ReadonlyArray<string | number>;

/**
 * The 1-based line of the value at `path` in JSON source text (the line of its key when the parent is
 * an object), or undefined when the text does not parse or the path is absent. JSON is YAML 1.2, so the
 * `yaml` package's CST gives us node positions without a hand-written JSON parser. Duplicate keys
 * resolve to the last one, as JSON.parse does.
 */
export function lineOfJsonPath(text: string, path: JsonPath): number | undefined {
  const parsed = parsedText(text);
  if (parsed === null) return undefined;
  const counter = parsed.counter;
  let node = parsed.node;
  let offset = node?.range?.[0];
  for (const key of path) {
    if (isMap(node)) {
      const pair = [...node.items].reverse().find((p) => isScalar(p.key) && String(p.key.value) === String(key));
      if (!pair) return undefined;
      offset = (pair.key as Node).range?.[0];
      node = pair.value as Node | null;
    } else if (isSeq(node) && typeof key === 'number') {
      node = node.items[key] as Node | null;
      offset = node?.range?.[0];
    } else {
      return undefined;
    }
  }
  return offset === undefined ? undefined : counter.linePos(offset).line;
}

interface Parsed { node: Node | null | undefined; counter: LineCounter }

/** Findings in one manifest ask for many lines of the same text: parse each text once (the last few kept). */
const PARSED = new Map<string, Parsed | null>();
const KEEP = 8;

function parsedText(text: string): Parsed | null {
  const hit = PARSED.get(text);
  if (hit !== undefined) return hit;
  const counter = new LineCounter();
  let parsed: Parsed | null;
  try {
    const doc = parseDocument(text, { lineCounter: counter, uniqueKeys: false, keepSourceTokens: false });
    parsed = doc.errors.length > 0 ? null : { node: doc.contents as Node | null, counter };
  } catch {
    parsed = null;
  }
  if (PARSED.size >= KEEP) PARSED.delete(PARSED.keys().next().value as string);
  PARSED.set(text, parsed);
  return parsed;
}
