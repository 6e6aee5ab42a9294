/** libuv's wording of common errno codes, which Bun's fs errors also use (`ENOTDIR: not a directory, statx '/x'`). */
const DESCRIPTIONS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file or directory',
  ENOTDIR: 'not a directory',
  EISDIR: 'illegal operation on a directory',
  ELOOP: 'too many symbolic links encountered',
  ENAMETOOLONG: 'name too long',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EIO: 'i/o error',
  EMFILE: 'too many open files',
  EINVAL: 'invalid argument',
};

/** `CODE: description, syscall 'path'`, as Bun formats an fs error. */
export function errnoMessage(code: string, syscall: string, path: string): string {
  return `${code}: ${DESCRIPTIONS[code] ?? 'unknown error'}, ${syscall} '${path}'`;
}
