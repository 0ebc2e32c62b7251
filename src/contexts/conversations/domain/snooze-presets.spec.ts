import { snoozePresetTime } from './snooze-presets';

const at = (iso: string) => new Date(iso);
const preset = (name: Parameters<typeof snoozePresetTime>[0], now: string, zone: string) => snoozePresetTime(name, at(now), zone).toISOString();

describe('snooze presets', () => {
  it('later today: three hours on, rounded up to the half hour of the local clock', () => {
    expect(preset('later-today', '2026-12-07T10:05:00.000Z', 'UTC')).toBe('2026-12-07T13:30:00.000Z');
    expect(preset('later-today', '2026-12-07T10:30:00.000Z', 'UTC')).toBe('2026-12-07T13:30:00.000Z');
    expect(preset('later-today', '2026-12-07T10:30:00.001Z', 'UTC')).toBe('2026-12-07T14:00:00.000Z');
    // Kathmandu is 5:45 ahead: 10:16 local becomes 13:16, rounded to 13:30 local.
    expect(preset('later-today', '2026-12-07T04:31:00.000Z', 'Asia/Kathmandu')).toBe('2026-12-07T07:45:00.000Z');
  });

  it('later today is three real hours across the night the clocks go forward', () => {
    // 01:30 CET on 29 March 2026; three hours later the wall clock shows 05:30 CEST.
    expect(preset('later-today', '2026-03-29T00:30:00.000Z', 'Europe/Berlin')).toBe('2026-03-29T03:30:00.000Z');
  });

  it('tomorrow morning: 08:00 of the next local day', () => {
    expect(preset('tomorrow-morning', '2026-12-07T10:00:00.000Z', 'Europe/Berlin')).toBe('2026-12-08T07:00:00.000Z');
    // 23:30 UTC on the 7th is already the 8th in Berlin.
    expect(preset('tomorrow-morning', '2026-12-07T23:30:00.000Z', 'Europe/Berlin')).toBe('2026-12-09T07:00:00.000Z');
    // Still the 6th in New York at 03:00 UTC on the 7th.
    expect(preset('tomorrow-morning', '2026-12-07T03:00:00.000Z', 'America/New_York')).toBe('2026-12-07T13:00:00.000Z');
    // Month and year ends.
    expect(preset('tomorrow-morning', '2026-12-31T12:00:00.000Z', 'UTC')).toBe('2027-01-01T08:00:00.000Z');
  });

  it('tomorrow morning keeps 08:00 on the wall when the clocks change overnight', () => {
    // Saturday 28 March 2026 in Berlin (CET); Sunday morning is CEST, two hours ahead of UTC.
    expect(preset('tomorrow-morning', '2026-03-28T10:00:00.000Z', 'Europe/Berlin')).toBe('2026-03-29T06:00:00.000Z');
    // Saturday 24 October 2026 (CEST); Sunday morning is CET again.
    expect(preset('tomorrow-morning', '2026-10-24T12:00:00.000Z', 'Europe/Berlin')).toBe('2026-10-25T07:00:00.000Z');
    // New York springs forward on 8 March 2026.
    expect(preset('tomorrow-morning', '2026-03-07T18:00:00.000Z', 'America/New_York')).toBe('2026-03-08T12:00:00.000Z');
  });

  it('next week: 08:00 on the coming Monday, a whole week on from a Monday', () => {
    // Monday 7 December 2026.
    expect(preset('next-week', '2026-12-07T10:00:00.000Z', 'UTC')).toBe('2026-12-14T08:00:00.000Z');
    // Sunday 13 December: Monday is tomorrow.
    expect(preset('next-week', '2026-12-13T10:00:00.000Z', 'UTC')).toBe('2026-12-14T08:00:00.000Z');
    // Wednesday, in Sydney (UTC+11 in summer).
    expect(preset('next-week', '2026-12-09T10:00:00.000Z', 'Australia/Sydney')).toBe('2026-12-13T21:00:00.000Z');
    // Across the end of summer time in Berlin (Sunday 25 October 2026).
    expect(preset('next-week', '2026-10-21T12:00:00.000Z', 'Europe/Berlin')).toBe('2026-10-26T07:00:00.000Z');
  });
});
