import { LineCounter, isMap, isSeq, isScalar, parseDocument, type Node } from 'yaml';

export type JsonPath = ReadonlyArray<string | number>;

/**
 * The 1-based line of the value at `path` in JSON source text (the line of its key when the parent is
 * an object), or undefined when the text does not parse or the path is absent. JSON is YAML 1.2, so the
 * `yaml` package's CST gives us node positions without a hand-written JSON parser. Duplicate keys
 * resolve to the last one, as JSON.parse does.
 */
export function lineOfJsonPath(text: string, path: JsonPath): number | undefined {
  const counter = new LineCounter();
  let node: Node | null | undefined;
  try {
    const doc = parseDocument(text, { lineCounter: counter, uniqueKeys: false, keepSourceTokens: false });
    if (doc.errors.length > 0) return undefined;
    node = doc.contents as Node | null;
  } catch {
    return undefined;
  }
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
