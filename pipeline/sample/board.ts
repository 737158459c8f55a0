/**
 * The management board's meetings (board_attendance.csv): one row per
 * statutory sector per meeting, on the second Tuesday of the first and third
 * month of each quarter, a few cancelled. One board whatever the sample's
 * size: it belongs to the service, not to its children.
 */
import { BOARD_SECTORS } from '../contract/codes.js';
import { dayOfYmd, weekday } from './days.js';
import { BOARD_MEETING_CANCELLED, BOARD_SECTOR } from './kpi-profile.js';
import { yesNo } from './people.js';
import type { Rng } from './rng.js';

export interface BoardRow {
  day: number;
  sector: string;
  attended: 'Y' | 'N';
  senior: 'Y' | 'N';
  dataShared: 'Y' | 'N';
}

/** Months (1–12) the board meets in: the first and third of each financial quarter. */
const MEETING_MONTHS: readonly number[] = [1, 3, 4, 6, 7, 9, 10, 12];

/** The second Tuesday of a month. */
export function secondTuesday(year: number, month: number): number {
  const first = dayOfYmd(year, month, 1);
  return first + ((2 - weekday(first) + 7) % 7) + 7;
}

/** Meeting days from firstDay to lastDay, in order, before cancellations. */
export function meetingDays(firstDay: number, lastDay: number): number[] {
  const days: number[] = [];
  const firstYear = new Date(firstDay * 86_400_000).getUTCFullYear();
  const lastYear = new Date(lastDay * 86_400_000).getUTCFullYear();
  for (let year = firstYear; year <= lastYear; year++) {
    for (const month of MEETING_MONTHS) {
      const day = secondTuesday(year, month);
      if (day >= firstDay && day <= lastDay) days.push(day);
    }
  }
  return days;
}

export function drawBoard(rng: Rng, firstDay: number, lastDay: number): BoardRow[] {
  const out: BoardRow[] = [];
  for (const day of meetingDays(firstDay, lastDay)) {
    if (rng.chance(BOARD_MEETING_CANCELLED)) continue;
    for (const sector of Object.keys(BOARD_SECTORS) as (keyof typeof BOARD_SECTOR)[]) {
      const rates = BOARD_SECTOR[sector];
      const attended = rng.chance(rates.attends);
      const senior = attended && rng.chance(rates.senior);
      const shared = attended && rng.chance(rates.shares);
      out.push({ day, sector, attended: yesNo(attended), senior: yesNo(senior), dataShared: yesNo(shared) });
    }
  }
  return out;
}
