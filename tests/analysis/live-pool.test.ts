import { afterAll, describe, expect, it, vi } from 'vitest';
import { closeLivePool, livePoolState, warmLivePool } from '../../server/analysis/live-forecast.js';

afterAll(async () => {
  await closeLivePool();
});

describe("a server's live-forecast pool", () => {
  it('closed during its warm-up, fails that warm-up quietly; the next match to open warms a new pool', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const first = warmLivePool();
    expect(livePoolState()).toBe('warming');
    await closeLivePool();
    await first;
    expect(livePoolState()).toBe('none');
    // A closed pool's failed warm-up is no fault to report.
    expect(error).not.toHaveBeenCalled();
    const again = warmLivePool();
    expect(livePoolState()).toBe('warming');
    await again;
    expect(livePoolState()).toBe('warm');
    // Asked again once warm, it does not warm up a second time.
    expect(warmLivePool()).toBe(again);
    error.mockRestore();
  });
});
