import { describe, expect, it } from 'vitest';
import { describeTimeDifference } from './time-difference';

const MARCH_ROUND = { startsOn: '2025-03-01', endsOn: '2025-06-30', programTimeZone: 'Australia/Sydney' };

describe('describeTimeDifference', () => {
  it('follows both zones across their daylight-saving changes (hand-checked against tzdata)', () => {
    // London moves on 30 March at 01:00 UTC, Sydney back on 6 April at 03:00 Sydney (16:00 UTC the day before).
    expect(describeTimeDifference('Europe/London', 'Australia/Sydney', MARCH_ROUND)).toEqual([
      { fromAt: '2025-02-28T13:00:00.000Z', minutes: 11 * 60 },
      { fromAt: '2025-03-30T01:00:00.000Z', minutes: 10 * 60 },
      { fromAt: '2025-04-05T16:00:00.000Z', minutes: 9 * 60 },
    ]);
    // Seen from the other side, the same instants with the sign turned.
    expect(
      describeTimeDifference('Australia/Sydney', 'Europe/London', MARCH_ROUND).map((p) => p.minutes),
    ).toEqual([-11 * 60, -10 * 60, -9 * 60]);
  });

  it('is one period for zones without changes, half hours included', () => {
    expect(describeTimeDifference('Africa/Nairobi', 'Asia/Kolkata', MARCH_ROUND)).toEqual([
      { fromAt: '2025-02-28T13:00:00.000Z', minutes: 150 },
    ]);
  });

  it('drops a change that leaves the difference as it was (both zones move together)', () => {
    // London and Lisbon change at the same instant: the same time all round.
    expect(describeTimeDifference('Europe/London', 'Europe/Lisbon', MARCH_ROUND)).toEqual([
      { fromAt: '2025-02-28T13:00:00.000Z', minutes: 0 },
    ]);
    // Berlin and London change at the same instant too: an hour apart all round.
    expect(
      describeTimeDifference('Europe/London', 'Europe/Berlin', MARCH_ROUND).map((p) => p.minutes),
    ).toEqual([60]);
  });
});
