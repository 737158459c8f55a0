/**
 * KPI 8, management board attendance, per quarter, over the board meetings
 * dated in it:
 * - `kpi.board_attendance.sectors`: of the five statutory sectors, those whose
 *   senior partner (senior = Y) attended at least half of the meetings,
 *   rounded up (2 of 3, 2 of 4, 3 of 5); value 0–5, unit "of 5";
 * - `kpi.board_attendance.data_shared`: the sectors that attended at least one
 *   meeting and shared their data at every meeting they attended.
 * Each also per sector (breakdown `sector`): value 1 when the sector counts,
 * else 0, with the meetings behind it (numerator of denominator: meetings a
 * senior partner attended of the quarter's meetings; meetings with data
 * shared of the meetings attended). A sector with no row for a meeting did
 * not attend it. A quarter with no meetings is `[x]`, never 0.
 */
import { BOARD_SECTORS } from '../../../contract/codes.js';
import { formatPeriod, periodOf } from '../../../period.js';
import type { Store } from '../../../store/db.js';
import { record, type IndicatorRecord } from '../../record.js';
import type { IndicatorResult } from '../result.js';
import { BOARD_FIRST_SQL, BOARD_MEETINGS_SQL } from './board-attendance.sql.js';
import { firstDate, type KpiInputs } from './inputs.js';
import { notAvailable, reportedQuarters } from './records.js';
import { notAvailableResult, reasonNote, reasonText, type KpiReason } from './unavailable.js';

export const SECTORS: readonly string[] = Object.keys(BOARD_SECTORS);
const IDS = ['kpi.board_attendance.sectors', 'kpi.board_attendance.data_shared'] as const;
const KPI = 'KPI 8 (management board attendance)';
const NO_MEETINGS: KpiReason = { message: 'noteKpiNoMeetings', params: { kpi: KPI } };

export interface BoardRow {
  meeting_date: string;
  sector: string;
  attended: boolean;
  senior: boolean | null;
  data_shared: boolean | null;
}

export async function computeBoardAttendance(store: Store, inputs: KpiInputs): Promise<IndicatorResult> {
  const period = formatPeriod(inputs.period);
  const first = await firstDate(store, BOARD_FIRST_SQL, inputs.params.period_end);
  if (first === null) return notAvailableResult(inputs, IDS, { message: 'noteKpiFileAbsent', params: { file: 'board_attendance.csv', kpi: KPI } });
  const rows = await store.query<BoardRow & Record<string, string | boolean | null>>(BOARD_MEETINGS_SQL, inputs.params);
  const quarters = reportedQuarters(inputs.period, [first]).map(formatPeriod);
  const records = boardRecords(rows, quarters);
  const noMeetingInP = records.some((r) => r.period === period && r.status === 'not_available');
  return {
    records,
    notes: noMeetingInP ? [reasonNote('kpi.board_attendance', NO_MEETINGS, period)] : [],
  };
}

/** Meetings a sector must have attended with a senior partner: at least half, rounded up. */
export function meetingsNeeded(meetings: number): number {
  return Math.ceil(meetings / 2);
}

/** KPI 8 for each quarter (pure). */
export function boardRecords(rows: readonly BoardRow[], quarters: readonly string[]): IndicatorRecord[] {
  return quarters.flatMap((q) => {
    const inQuarter = rows.filter((r) => formatPeriod(periodOf(r.meeting_date)) === q);
    const meetings = new Set(inQuarter.map((r) => r.meeting_date)).size;
    if (meetings === 0) {
      const reason = reasonText(NO_MEETINGS, q);
      return IDS.map((id) => notAvailable(id, q, reason));
    }
    const bySector = SECTORS.map((sector) => {
      const own = inQuarter.filter((r) => r.sector === sector);
      const attended = own.filter((r) => r.attended);
      const seniorMeetings = attended.filter((r) => r.senior === true).length;
      const sharedMeetings = attended.filter((r) => r.data_shared === true).length;
      return {
        sector, seniorMeetings, attended: attended.length, sharedMeetings,
        counted: seniorMeetings >= meetingsNeeded(meetings),
        shared: attended.length > 0 && sharedMeetings === attended.length,
      };
    });
    const ofFive = (id: (typeof IDS)[number], n: number) =>
      record({ id, period: q, breakdown: {}, numerator: n, denominator: SECTORS.length, value: n });
    return [
      ofFive('kpi.board_attendance.sectors', bySector.filter((s) => s.counted).length),
      ...bySector.map((s) => record({
        id: 'kpi.board_attendance.sectors', period: q, breakdown: { sector: s.sector },
        numerator: s.seniorMeetings, denominator: meetings, value: s.counted ? 1 : 0,
      })),
      ofFive('kpi.board_attendance.data_shared', bySector.filter((s) => s.shared).length),
      ...bySector.map((s) => record({
        id: 'kpi.board_attendance.data_shared', period: q, breakdown: { sector: s.sector },
        numerator: s.sharedMeetings, denominator: s.attended, value: s.shared ? 1 : 0,
      })),
    ];
  });
}

