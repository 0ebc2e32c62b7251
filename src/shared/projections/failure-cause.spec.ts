import { mayBlameTheEvent } from './failure-cause';

describe('mayBlameTheEvent', () => {
  it('blames the event for what its content causes', () => {
    expect(mayBlameTheEvent(new TypeError("Cannot read properties of undefined (reading 'hash')"))).toBe(true);
    expect(mayBlameTheEvent(new RangeError('Too few parameter values were provided'))).toBe(true);
    expect(mayBlameTheEvent(Object.assign(new Error('NOT NULL constraint failed: inbound_mail.raw_hash'), { code: 'SQLITE_CONSTRAINT_NOTNULL' }))).toBe(true);
  });

  it('never blames it for the environment: a full disk, a lock, an unreachable store, also when only the message crossed a thread', () => {
    expect(mayBlameTheEvent(Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' }))).toBe(false);
    expect(mayBlameTheEvent(Object.assign(new Error('disk I/O error'), { code: 'SQLITE_IOERR_WRITE' }))).toBe(false);
    expect(mayBlameTheEvent(new Error('database is locked'))).toBe(false);
    expect(mayBlameTheEvent(Object.assign(new Error('write failed'), { code: 'ENOSPC' }))).toBe(false);
    expect(mayBlameTheEvent(Object.assign(new Error('14 UNAVAILABLE: No connection established'), { name: 'UnavailableError' }))).toBe(false);
  });
});
