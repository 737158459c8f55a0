import { describe, expect, it } from 'vitest';
import { drawBoard, meetingDays, secondTuesday } from '../../pipeline/sample/board.js';
import { dayOf, isoOfDay } from '../../pipeline/sample/days.js';
import { createRng } from '../../pipeline/sample/rng.js';

describe('board meetings', () => {
  it('falls on the second Tuesday of a month', () => {
    // 1 April 2024 was a Monday: Tuesdays 2 and 9 April. 1 September 2026 is a Tuesday: 1 and 8 September.
    expect(isoOfDay(secondTuesday(2024, 4))).toBe('2024-04-09');
    expect(isoOfDay(secondTuesday(2026, 9))).toBe('2026-09-08');
  });

  it('meets in the first and third month of each quarter, within the dates given', () => {
    // July–December 2024: July, September, October, December.
    expect(meetingDays(dayOf('2024-07-01'), dayOf('2024-12-31')).map(isoOfDay))
      .toEqual(['2024-07-09', '2024-09-10', '2024-10-08', '2024-12-10']);
    // A range starting after the month's second Tuesday leaves that meeting out.
    expect(meetingDays(dayOf('2024-07-10'), dayOf('2024-09-30')).map(isoOfDay)).toEqual(['2024-09-10']);
  });

  it('writes one row per sector per meeting held, senior and data shared only for a sector that attended', () => {
    const rows = drawBoard(createRng(1, 4), dayOf('2020-10-01'), dayOf('2026-09-30'));
    const perMeeting = new Map<number, string[]>();
    for (const r of rows) perMeeting.set(r.day, [...(perMeeting.get(r.day) ?? []), r.sector]);
    for (const sectors of perMeeting.values()) expect(sectors).toEqual(['POLICE', 'PROBATION', 'HEALTH', 'EDUCATION', 'SOCIAL_CARE']);
    for (const r of rows.filter((x) => x.attended === 'N')) expect([r.senior, r.dataShared]).toEqual(['N', 'N']);
  });
});
