import { describe, expect, it } from 'vitest';
import { CODE_ALPHABET, CODE_LENGTH, roomCodeOf } from '../../shared/index.js';

describe('room codes as people type them', () => {
  it('take any case, spaces and dashes', () => {
    expect(roomCodeOf(' kxw-qtr ')).toBe('KXWQTR');
    expect(roomCodeOf('KX WQ TR')).toBe('KXWQTR');
  });

  it('refuse what cannot be a code: wrong length, or characters the alphabet leaves out', () => {
    expect(roomCodeOf('')).toBeNull();
    expect(roomCodeOf('KXWQT')).toBeNull();
    expect(roomCodeOf('KXWQTRA')).toBeNull();
    for (const ch of 'OILSZB01258') {
      expect(CODE_ALPHABET).not.toContain(ch);
      expect(roomCodeOf(`KXWQT${ch}`)).toBeNull();
    }
    expect(roomCodeOf('<script>')).toBeNull();
    expect(CODE_LENGTH).toBe(6);
  });
});
