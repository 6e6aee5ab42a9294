// spdx-expression-parse 4.x (CommonJS): parses an SPDX license expression, throws on an invalid one.
declare module 'spdx-expression-parse' {
  const parse: (expression: string) => unknown;
  export default parse;
}
