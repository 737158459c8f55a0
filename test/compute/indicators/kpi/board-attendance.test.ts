/** KPI 8, management board attendance: senior partners at half the quarter's meetings or more (rounded up), data shared. */
import { afterEach, describe, expect, it } from 'vitest';
import { boardRecords, meetingsNeeded, type BoardRow } from '../../../../pipeline/compute/indicators/kpi/board-attendance.js';
import { messages } from '../../../../pipeline/messages.js';
import { P, closeStore, find, kpis } from './kpi-fixture.js';

afterEach(closeStore);

const row = (meeting: string, sector: string, attended: boolean, senior: boolean | null, shared: boolean | null = null): BoardRow =>
  ({ meeting_date: meeting, sector, attended, senior, data_shared: shared });

describe('KPI 8: management board attendance', () => {
  it('needs half the meetings rounded up: 1 of 1, 1 of 2, 2 of 3, 2 of 4, 3 of 5', () => {
    expect([1, 2, 3, 4, 5].map(meetingsNeeded)).toEqual([1, 1, 2, 2, 3]);
  });

  it('counts sectors whose senior partner attended at least 3 of 5 meetings, and sectors sharing data at every meeting attended', () => {
    const meetings = ['2024-07-01', '2024-07-15', '2024-08-01', '2024-08-15', '2024-09-01'];
    const rows: BoardRow[] = [
      // POLICE: senior at 3 of 5 → counts; shared at all 3 attended → shares.
      ...meetings.slice(0, 3).map((m) => row(m, 'POLICE', true, true, true)),
      // PROBATION: senior at 2 of 5 and a deputy at 3 more → does not count; shared at 4 of 5 attended → does not share.
      ...meetings.slice(0, 2).map((m) => row(m, 'PROBATION', true, true, true)),
      ...meetings.slice(2).map((m, k) => row(m, 'PROBATION', true, false, k < 2)),
      // HEALTH: senior at all 5 → counts; data_shared blank → does not share.
      ...meetings.map((m) => row(m, 'HEALTH', true, true)),
      // EDUCATION: no rows at all → not attended. SOCIAL_CARE: recorded absent at every meeting.
      ...meetings.map((m) => row(m, 'SOCIAL_CARE', false, null)),
    ];
    const records = boardRecords(rows, [P]);
    expect(records.find((r) => r.id === 'kpi.board_attendance.sectors' && !r.breakdown.sector))
      .toMatchObject({ numerator: 2, denominator: 5, value: 2, unit: 'of 5' });
    expect(records.find((r) => r.id === 'kpi.board_attendance.data_shared' && !r.breakdown.sector))
      .toMatchObject({ numerator: 1, denominator: 5, value: 1 });
    expect(records.find((r) => r.id === 'kpi.board_attendance.sectors' && r.breakdown.sector === 'PROBATION'))
      .toMatchObject({ numerator: 2, denominator: 5, value: 0 });
    expect(records.find((r) => r.id === 'kpi.board_attendance.data_shared' && r.breakdown.sector === 'PROBATION'))
      .toMatchObject({ numerator: 4, denominator: 5, value: 0 });
    expect(records.find((r) => r.id === 'kpi.board_attendance.sectors' && r.breakdown.sector === 'EDUCATION'))
      .toMatchObject({ numerator: 0, denominator: 5, value: 0 });
  });

  it('with 4 meetings a senior partner at 2 is enough; a quarter with no meetings is [x], as is an absent file', async () => {
    const records = await kpis({
      board_attendance: [
        // Four meetings in 2024-25-Q1 (April–June); none in P.
        ...['2024-04-01', '2024-05-01', '2024-06-01', '2024-06-20'].map((m, k) => ({ meeting_date: m, sector: 'POLICE', attended: true, senior: k < 2 })),
      ],
    });
    expect(find(records, 'kpi.board_attendance.sectors', {}, '2024-25-Q1')).toMatchObject({ value: 1 });
    expect(find(records, 'kpi.board_attendance.sectors')).toMatchObject({
      status: 'not_available', value: null, reason: messages.noteKpiNoMeetings.text({ period: P, kpi: 'KPI 8 (management board attendance)' }),
    });
    const absent = await kpis({});
    expect(find(absent, 'kpi.board_attendance.sectors')).toMatchObject({ status: 'not_available', value: null });
  });
});
