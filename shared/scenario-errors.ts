import type { z } from 'zod';

/**
 * A scenario file's problems in words a facilitator can act on: where (the field's path, list items
 * counted from 1 as "#1"), and what to write instead. The schema's own messages speak to programmers.
 */
export function describeScenarioIssues(issues: readonly z.core.$ZodIssue[]): string[] {
  const missing = issues.filter((i) => i.code === 'invalid_type' && !('input' in i && i.input !== undefined));
  // A misspelt field shows up twice, as unknown and as missing: say it once, with the right name.
  const meant = new Map<string, z.core.$ZodIssue>();
  for (const i of issues) {
    if (i.code !== 'unrecognized_keys') continue;
    for (const k of i.keys) {
      const twin = missing.find((m) => sameParent(m.path, i.path) && closeEnough(String(m.path[m.path.length - 1]), k));
      if (twin) meant.set(pathText([...i.path, k]), twin);
    }
  }
  const renamed = new Set(meant.values());
  const out: string[] = [];
  for (const i of issues) {
    if (i.code === 'unrecognized_keys') {
      for (const k of i.keys) {
        const where = pathText([...i.path, k]);
        const twin = meant.get(where);
        out.push(`${where}: unknown field "${k}" (not part of the scenario format)${twin ? ` — did you mean "${String(twin.path[twin.path.length - 1])}"?` : ''}`);
      }
    } else if (!renamed.has(i)) {
      out.push(`${pathText(i.path)}: ${why(i)}`);
    }
  }
  return out;
}

/** "start.stockShare.US", with list items as "#1" (the first). */
export function pathText(path: readonly PropertyKey[]): string {
  return path.length ? path.map((p) => (typeof p === 'number' ? `#${p + 1}` : String(p))).join('.') : '(root)';
}

function why(i: z.core.$ZodIssue): string {
  const input = 'input' in i ? i.input : undefined;
  switch (i.code) {
    case 'invalid_type':
      if (input === undefined) return i.expected === 'object' && isFigurePath(i.path) ? 'missing (a figure: {"value": …, "source": …})' : `missing (${article(i.expected)})`;
      if (typeof input === 'number' && Number.isNaN(input)) return 'needs a number';
      if (i.expected === 'object' && typeof input === 'number' && isFigurePath(i.path)) return `write a figure with its source, as {"value": ${input}, "source": "facilitator"}, not a bare number`;
      return `expected ${article(i.expected)}, not ${kindOf(input)}`;
    case 'too_small':
      if (i.origin === 'string') return Number(i.minimum) <= 1 ? 'must not be empty' : `needs at least ${i.minimum} characters`;
      if (i.origin === 'array') return `needs at least ${i.minimum} item${Number(i.minimum) === 1 ? '' : 's'}`;
      return `must be ${i.inclusive ? 'at least' : 'above'} ${i.minimum}${input === undefined ? '' : `, not ${String(input)}`}`;
    case 'too_big':
      if (i.origin === 'string') return `must be at most ${i.maximum} characters`;
      if (i.origin === 'array') return `takes at most ${i.maximum} items`;
      return `must be ${i.inclusive ? 'at most' : 'below'} ${i.maximum}${input === undefined ? '' : `, not ${String(input)}`}`;
    case 'invalid_value':
      return `${JSON.stringify(input)} is not one of ${i.values.map((v) => JSON.stringify(v)).join(', ')}`;
    default:
      return i.message;
  }
}

/** Figures sit under params and start (except the starting levers and agreements, which are plain). */
function isFigurePath(path: readonly PropertyKey[]): boolean {
  return (path[0] === 'params' || path[0] === 'start') && path[1] !== 'levers' && path[1] !== 'agreements' && path.length >= 2;
}

function article(expected: string): string {
  const word = expected === 'string' ? 'text' : expected === 'object' ? 'an object {…}' : expected === 'array' ? 'a list […]' : expected === 'int' ? 'a whole number' : expected;
  return /^(a|an) /.test(word) || word === 'text' ? word : `a ${word}`;
}

function kindOf(x: unknown): string {
  if (x === null) return 'null';
  if (Array.isArray(x)) return 'a list';
  if (typeof x === 'string') return `text (${JSON.stringify(x.length > 30 ? `${x.slice(0, 30)}…` : x)})`;
  if (typeof x === 'object') return 'an object';
  if (typeof x === 'number' && !Number.isFinite(x)) return 'an infinite number';
  return `${typeof x === 'number' ? 'the number' : typeof x} ${String(x)}`;
}

function sameParent(a: readonly PropertyKey[], parent: readonly PropertyKey[]): boolean {
  return a.length === parent.length + 1 && parent.every((p, k) => p === a[k]);
}

/** Names a typo away from each other: at most two edits, or one for short names. */
export function closeEnough(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 2 || a.length > 80) return false;
  const limit = Math.min(a.length, b.length) <= 4 ? 1 : 2;
  return editDistance(a.toLowerCase(), b.toLowerCase()) <= limit;
}

/** The nearest of `names` to `typed`, when it is a typo away; also matches ignoring case, spaces and dashes. */
export function nearest(typed: string, names: readonly string[]): string | undefined {
  // Nothing is a typo away from a long string, and comparing it costs time on the server.
  if (typed.length > 80) return undefined;
  const squash = (s: string) => s.toLowerCase().replace(/[\s_-]+/g, '');
  const exact = names.find((n) => squash(n) === squash(typed));
  if (exact) return exact;
  const limit = Math.max(1, Math.min(3, Math.floor(typed.length / 4)));
  const t = squash(typed);
  let best: string | undefined;
  let bestD = Infinity;
  for (const n of names) {
    const m = squash(n);
    // Names whose lengths differ by more than the limit cannot be within it.
    if (Math.abs(m.length - t.length) > limit) continue;
    const d = editDistance(t, m);
    if (d < bestD) [best, bestD] = [n, d];
  }
  return best !== undefined && bestD <= limit ? best : undefined;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const keep = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = keep;
    }
  }
  return row[b.length];
}
