/**
 * Kubernetes resource quantities (`500m`, `1.5Gi`, `2e3`) as exact values: nano-units in a bigint,
 * so `quantity("1Gi").isGreaterThan(quantity("1000Mi"))` compares as the API server does.
 */
const BINARY: Record<string, bigint> = {
  Ki: 1n << 10n,
  Mi: 1n << 20n,
  Gi: 1n << 30n,
  Ti: 1n << 40n,
  Pi: 1n << 50n,
  Ei: 1n << 60n,
};
const DECIMAL: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const NANO = 9;
const PATTERN = /^([+-]?)(\d+(?:\.\d*)?|\.\d+)(?:(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE])|[eE]([+-]?\d+))?$/;

/** Nano-units of a quantity string, or undefined when it is not one. */
export function parseQuantity(text: string): bigint | undefined {
  const m = PATTERN.exec(text.trim());
  if (!m) return undefined;
  const [, sign, number, suffix = '', exponent] = m;
  const [whole = '0', fraction = ''] = number!.split('.');
  let digits = BigInt(`${whole || '0'}${fraction}`);
  let scale = NANO - fraction.length;
  if (suffix in BINARY) digits *= BINARY[suffix]!;
  else scale += exponent !== undefined ? Number(exponent) : DECIMAL[suffix]!;
  if (Math.abs(scale) > 60) return undefined;
  const value = scale >= 0 ? digits * 10n ** BigInt(scale) : digits / 10n ** BigInt(-scale);
  return sign === '-' ? -value : value;
}

export const NANOS_PER_UNIT = 10n ** BigInt(NANO);
