/** The snooze menu's presets; a chosen date comes as a time of its own. */
export const SNOOZE_PRESETS = ['later-today', 'tomorrow-morning', 'next-week'] as const;
export type SnoozePreset = (typeof SNOOZE_PRESETS)[number];

const HOUR = 3_600_000;
const MORNING = 8;

/**
 * When a preset wakes a conversation snoozed at `now`, in the account's time zone: later today is
 * three hours on, rounded up to the next half hour of the local clock; tomorrow morning is 08:00 of
 * the next local day; next week is 08:00 on the coming Monday. Days are calendar days of the zone,
 * so a night that loses or gains an hour (DST) still wakes at 08:00 on the wall clock.
 */
export function snoozePresetTime(preset: SnoozePreset, now: Date, timeZone: string): Date {
  if (preset === 'later-today') {
    const later = new Date(now.getTime() + 3 * HOUR);
    const local = wallClock(later, timeZone);
    const intoHalfHour = ((local.minute % 30) * 60 + local.second) * 1000 + (later.getTime() % 1000);
    return intoHalfHour === 0 ? later : new Date(later.getTime() + 30 * 60_000 - intoHalfHour);
  }
  const today = wallClock(now, timeZone);
  // Days from today: the next day, or the coming Monday (from a Monday, the one a week on).
  const weekday = new Date(Date.UTC(today.year, today.month - 1, today.day)).getUTCDay();
  const days = preset === 'tomorrow-morning' ? 1 : (8 - weekday) % 7 || 7;
  const target = new Date(Date.UTC(today.year, today.month - 1, today.day + days));
  return fromWallClock({ year: target.getUTCFullYear(), month: target.getUTCMonth() + 1, day: target.getUTCDate(), hour: MORNING, minute: 0 }, timeZone);
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formats = new Map<string, Intl.DateTimeFormat>();

/** What a clock on the wall in `timeZone` shows at `instant`. */
function wallClock(instant: Date, timeZone: string): WallClock {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formats.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(instant).map((part) => [part.type, Number(part.value)]));
  return { year: parts.year, month: parts.month, day: parts.day, hour: parts.hour, minute: parts.minute, second: parts.second };
}

/** How far `timeZone` is ahead of UTC at `instant`, in milliseconds. */
function offsetAt(instant: number, timeZone: string): number {
  const local = wallClock(new Date(instant), timeZone);
  const asUtc = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** The instant a wall clock in `timeZone` shows the given time; in a DST gap, the time just after it. */
function fromWallClock(time: Omit<WallClock, 'second'>, timeZone: string): Date {
  const asUtc = Date.UTC(time.year, time.month - 1, time.day, time.hour, time.minute);
  const first = asUtc - offsetAt(asUtc, timeZone);
  const second = asUtc - offsetAt(first, timeZone);
  return new Date(Math.max(first, second));
}
