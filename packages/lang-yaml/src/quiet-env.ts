/**
 * The `yaml` package reads two debugging switches from the environment on its hot path:
 * `process.env.LOG_TOKENS` for every lexer token the parser takes, `process.env.LOG_STREAM` for
 * every node the composer takes. On Node each read of `process.env` calls into the environment
 * (~140 ns here), which summed to about a third of the parser's time over the corpus (6.6 million
 * tokens).
 *
 * `whileParsing` runs a synchronous parse with `process.env` replaced by an object that answers
 * those two names from own properties, read from the real environment when the parse starts (so
 * the switches still work), and every other name from the real environment, its prototype. Nothing
 * else runs on this thread meanwhile, and the real object is back when the parse returns or throws.
 */

const SWITCHES = ['LOG_TOKENS', 'LOG_STREAM'] as const;

let active = false;

export function whileParsing<T>(parse: () => T): T {
  const descriptor = Object.getOwnPropertyDescriptor(process, 'env');
  if (active || !descriptor?.configurable || !('value' in descriptor)) return parse();
  const real = descriptor.value as NodeJS.ProcessEnv;
  const quiet = Object.create(real) as NodeJS.ProcessEnv;
  for (const name of SWITCHES) Object.defineProperty(quiet, name, { value: real[name] });
  Object.defineProperty(process, 'env', { ...descriptor, value: quiet });
  active = true;
  try {
    return parse();
  } finally {
    active = false;
    Object.defineProperty(process, 'env', descriptor);
  }
}
