// spdx-expression-parse ships no types: it returns the parsed tree, or throws on an invalid expression.
declare module 'spdx-expression-parse' {
  function parse(source: string): unknown;
  export default parse;
}
