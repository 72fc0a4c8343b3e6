import { describe, expect, it } from 'vitest';
import { utcIso } from '../../shared/utc-time.js';

describe('utcIso', () => {
  it('writes an instant as the ISO text Date would, across leap years, century years and month ends', () => {
    const instants = [0, 951_782_400_000, 951_868_799_999, 1_767_603_720_000, 4_107_542_399_999, 946_684_800_000 - 1];
    for (let i = 0; i < 400; i++) instants.push(Math.floor((i * 7_919_993_113_337) % 4_102_444_800_000));
    for (const ms of instants) expect(utcIso(ms), String(ms)).toBe(new Date(ms).toISOString());
  });
});
