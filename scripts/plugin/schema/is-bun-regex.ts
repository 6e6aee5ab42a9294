/**
 * Whether `new RegExp(source)` succeeds in Claude Code's engine (Bun 1.4, JavaScriptCore). Node 20's V8
 * agrees except on two ES2025 features JavaScriptCore already has and V8 11 lacks (measured on ~1,600
 * patterns run through both): pattern modifiers `(?i:…)`, `(?-m:…)`, `(?s-i:…)`, and one name on capture
 * groups in different alternatives, `(?<y>\d{4})-\d\d|\d\d-(?<y>\d{4})`. When V8 rejects a pattern, the
 * pattern is rewritten without those two (modifier groups become `(?:`, repeated names made unique) after
 * checking them by the ES2025 rules, and V8 judges the rest.
 */
export function isBunRegex(source: string): boolean {
  try {
    new RegExp(source);
    return true;
  } catch {
    const rewritten = withoutEs2025Groups(source);
    if (rewritten === undefined || rewritten === source) return false;
    try {
      new RegExp(rewritten);
      return true;
    } catch {
      return false;
    }
  }
}

const MODIFIERS = /^\(\?([ims]*)(?:-([ims]*))?:/;
const NAMED = /^\(\?<([^>=!][^>]*)>/;

/** Where a group sits: the (group, alternative) pairs from the pattern down to it. */
type Path = Array<[group: number, alternative: number]>;

function withoutEs2025Groups(source: string): string | undefined {
  let out = '';
  let groups = 0;
  const stack: Array<[number, number]> = [[0, 0]];
  const named = new Map<string, Path[]>();
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') { out += source.slice(i, i + 2); i++; continue; }
    if (c === '[') {
      const end = classEnd(source, i);
      out += source.slice(i, end);
      i = end - 1;
      continue;
    }
    if (c === '|') stack[stack.length - 1][1]++;
    else if (c === ')') { if (stack.length > 1) stack.pop(); }
    else if (c === '(') {
      const rest = source.slice(i);
      const mod = MODIFIERS.exec(rest);
      const name = NAMED.exec(rest);
      if (mod && (mod[1] !== '' || mod[2] !== undefined)) {
        if (!validModifiers(mod[1], mod[2])) return undefined;
        out += '(?:';
        i += mod[0].length - 1;
        stack.push([++groups, 0]);
        continue;
      }
      if (name) {
        const paths = named.get(name[1]) ?? [];
        const here: Path = stack.map(([g, a]) => [g, a]);
        if (paths.some((p) => mightBothParticipate(p, here))) return undefined;
        paths.push(here);
        named.set(name[1], paths);
        out += paths.length === 1 ? name[0] : `(?<${name[1]}$mpdup${paths.length}>`;
        i += name[0].length - 1;
        stack.push([++groups, 0]);
        continue;
      }
      stack.push([++groups, 0]);
    }
    out += c;
  }
  return out;
}

/** A class `[…]` from its `[` to just after its first unescaped `]` (`[]` is an empty class in JS). */
function classEnd(source: string, start: number): number {
  for (let i = start + 1; i < source.length; i++) {
    if (source[i] === '\\') i++;
    else if (source[i] === ']') return i + 1;
  }
  return source.length;
}

/** `(?add-remove:`: at least one flag, none twice, none on both sides. */
function validModifiers(add: string, remove: string | undefined): boolean {
  const all = add + (remove ?? '');
  return all.length > 0 && new Set(all).size === all.length;
}

/** Two groups can both take part in a match unless some disjunction puts them in different alternatives. */
function mightBothParticipate(a: Path, b: Path): boolean {
  for (let k = 0; k < Math.min(a.length, b.length); k++) {
    if (a[k][0] !== b[k][0]) return true;
    if (a[k][1] !== b[k][1]) return false;
  }
  return true;
}
