import { randomInt } from 'node:crypto';

/** No 0/O, 1/I/L, 2/Z, 5/S, 8/B: codes are read aloud and typed from a projector. */
export const CODE_ALPHABET = 'ACDEFGHJKMNPQRTUVWXY34679';
export const CODE_LENGTH = 6;

export function randomCode(): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

/** A fresh code that `taken` does not report as in use. */
export async function uniqueCode(taken: (code: string) => Promise<boolean> | boolean, attempts = 20): Promise<string> {
  for (let i = 0; i < attempts; i++) {
    const code = randomCode();
    if (!(await taken(code))) return code;
  }
  throw new Error('could not find a free room code');
}
