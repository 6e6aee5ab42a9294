/**
 * Split a shell command line into simple commands (arrays of words), enough to find the `claude plugin`
 * invocations hidden in it: quotes and backslashes are removed as the shell would, and `;`, `&&`,
 * `||`, `|`, `&`, newlines, parentheses, braces, `$(`, and backticks separate commands. Not a full
 * shell: variable values are not known (the caller treats `$x` as "could be anything").
 */
export function splitShellCommand(line: string): string[][] {
  const commands: string[][] = [];
  let words: string[] = [];
  let word = '';
  let inWord = false;
  const endWord = () => {
    if (inWord) words.push(word);
    word = '';
    inWord = false;
  };
  const endCommand = () => {
    endWord();
    if (words.length) commands.push(words);
    words = [];
  };
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '\\') {
      if (line[i + 1] === '\n') { i++; continue; }
      if (i + 1 < line.length) { word += line[++i]; inWord = true; }
      continue;
    }
    if (c === "'") {
      const end = line.indexOf("'", i + 1);
      word += line.slice(i + 1, end < 0 ? line.length : end);
      inWord = true;
      i = end < 0 ? line.length : end;
      continue;
    }
    if (c === '"') {
      inWord = true;
      for (i++; i < line.length && line[i] !== '"'; i++) {
        if (line[i] === '\\' && i + 1 < line.length && '"\\$`\n'.includes(line[i + 1])) {
          if (line[i + 1] !== '\n') word += line[i + 1];
          i++;
        } else word += line[i];
      }
      continue;
    }
    if (c === '$' && line[i + 1] === '(') { endCommand(); i++; continue; }
    if (';&|\n()`{}'.includes(c)) { endCommand(); continue; }
    if (c === '#' && !inWord) {
      const nl = line.indexOf('\n', i);
      i = nl < 0 ? line.length : nl - 1;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r') { endWord(); continue; }
    word += c;
    inWord = true;
  }
  endCommand();
  return commands;
}
