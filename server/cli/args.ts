/** Minimal `--key value` / `--flag` parsing for the command-line tools; an option not in `known` is an error (a typo must not fall back to a default). */
export function parseArgs(argv: string[], known: readonly string[]): Record<string, string | true> {
  const out: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) throw new Error(`unexpected argument "${a}"`);
    const key = a.slice(2);
    if (!known.includes(key)) throw new Error(`unknown option --${key} (options: ${known.map((k) => `--${k}`).join(', ')})`);
    const next = argv[i + 1];
    if (next !== undefined && !next.startsWith('--')) {
      out[key] = next;
      i++;
    } else out[key] = true;
  }
  return out;
}

export function intArg(args: Record<string, string | true>, key: string, fallback: number, min = 1, max = 1_000_000): number {
  const v = args[key];
  if (v === undefined) return fallback;
  if (v === true) throw new Error(`--${key} needs a value (a whole number from ${min} to ${max})`);
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`--${key} must be a whole number from ${min} to ${max}`);
  return n;
}

/** A text option's value; given without one, it is an error (it must not fall back to a default). */
export function textArg(args: Record<string, string | true>, key: string): string | undefined {
  const v = args[key];
  if (v === true) throw new Error(`--${key} needs a value`);
  return v;
}

export function pct(p: number): string {
  return `${(100 * p).toFixed(1).padStart(5)}%`;
}
