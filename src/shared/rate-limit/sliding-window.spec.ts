import { SlidingWindow } from './sliding-window';

describe('SlidingWindow', () => {
  it('counts a key’s events inside the window and says how long until it is under a limit', () => {
    const window = new SlidingWindow(60_000);
    window.add('ip', 0);
    window.add('ip', 10_000);
    window.add('other', 10_000);
    expect(window.recent('ip', 20_000)).toEqual([0, 10_000]);
    expect(window.waitSeconds('ip', 2, 20_000)).toBe(40);
    expect(window.waitSeconds('ip', 3, 20_000)).toBe(0);
    expect(window.recent('ip', 61_000)).toEqual([10_000]);
    expect(window.waitSeconds('ip', 2, 61_000)).toBe(0);
    window.clear('ip');
    expect(window.recent('ip', 61_000)).toEqual([]);
    expect(window.recent('other', 61_000)).toEqual([10_000]);
  });
});
