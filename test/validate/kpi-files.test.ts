/**
 * The KPI files of the data contract (accommodation, needs, care_status,
 * victims, board_attendance, children.resident_in_area): each inline extract
 * breaks one rule on a known line, and the test states the whole problem.
 * One extract breaking many rules at once shows they are reported together.
 */
import { describe, expect, it } from 'vitest';
import { loadExtract, validateExtract } from '../../pipeline/load/index.js';
import { expected } from '../../pipeline/messages.js';
import { ACCOMMODATION_TYPES, BOARD_SECTORS, CARE_STATUSES, NEED_TYPES } from '../../pipeline/contract/codes.js';
import type { Problem } from '../../pipeline/errors.js';
import { openStore } from '../../pipeline/store/db.js';
import { MINIMAL, NOW, csv, extractDir } from '../load/extract-dir.js';

const problem = (severity: Problem['severity'], file: string, line: number, column: string | null, value: string | null, text: string): Problem =>
  ({ file, line, column, value, expected: text, severity });

const ACCOMMODATION = 'child_id,start_date,end_date,type,suitable';
const NEEDS = 'child_id,need,identified_date,plan,offered_date,attended';
const CARE = 'child_id,status,start_date,end_date';
const VICTIMS = 'victim_id,child_id,identified_date,consented_contact,contacted,engaged_rj,views_considered';
const BOARD = 'meeting_date,sector,attended,senior,data_shared';

async function problemsOf(files: Record<string, string>): Promise<Problem[]> {
  return (await validateExtract(await extractDir({ ...MINIMAL, ...files }), { now: NOW })).problems;
}

describe('KPI files: one rule at a time', () => {
  const cases: [string, Record<string, string>, Problem][] = [
    ['an unknown accommodation type', { 'accommodation.csv': csv(ACCOMMODATION, 'C1,2024-01-01,,HOSTEL,Y') },
      problem('error', 'accommodation.csv', 2, 'type', 'HOSTEL', expected.oneOf(Object.keys(ACCOMMODATION_TYPES)))],
    ['a blank suitable (required)', { 'accommodation.csv': csv(ACCOMMODATION, 'C1,2024-01-01,,FAMILY,') },
      problem('error', 'accommodation.csv', 2, 'suitable', null, expected.notBlank())],
    ['an accommodation ending before it starts', { 'accommodation.csv': csv(ACCOMMODATION, 'C1,2024-03-01,2024-02-28,FAMILY,Y') },
      problem('error', 'accommodation.csv', 2, 'end_date', '2024-02-28', expected.notBefore('start_date', '2024-03-01'))],
    ['bed and breakfast judged suitable (a warning)', { 'accommodation.csv': csv(ACCOMMODATION, 'C1,2024-01-01,,Bed and breakfast,yes') },
      problem('warning', 'accommodation.csv', 2, 'suitable', 'yes', expected.rarelySuitable('BED_AND_BREAKFAST'))],
    ['no fixed abode judged suitable (a warning)', { 'accommodation.csv': csv(ACCOMMODATION, 'C1,2024-01-01,,no_fixed_abode,1') },
      problem('warning', 'accommodation.csv', 2, 'suitable', '1', expected.rarelySuitable('NO_FIXED_ABODE'))],
    ['an accommodation of a child not in children.csv', { 'accommodation.csv': csv(ACCOMMODATION, 'C9,2024-01-01,,FAMILY,Y') },
      problem('error', 'accommodation.csv', 2, 'child_id', 'C9', expected.childExists())],
    ['the same child, start and type twice', { 'accommodation.csv': csv(ACCOMMODATION, 'C1,2024-01-01,,FAMILY,Y', 'C1,01/01/2024,2024-05-01,family,N') },
      problem('error', 'accommodation.csv', 3, 'child_id, start_date, type', 'C1, 01/01/2024, family', expected.unique(2))],
    ['an unknown need', { 'needs.csv': csv(NEEDS, 'C1,ADHD,2024-01-01,,,') },
      problem('error', 'needs.csv', 2, 'need', 'ADHD', expected.oneOf(Object.keys(NEED_TYPES)))],
    ['a plan for a mental-health need (a warning)', { 'needs.csv': csv(NEEDS, 'C1,MENTAL_HEALTH,2024-01-01,N,,') },
      problem('warning', 'needs.csv', 2, 'plan', 'N', expected.planOnlyForSend())],
    ['attended without an offer', { 'needs.csv': csv(NEEDS, 'C1,SUBSTANCE_MISUSE,2024-01-01,,,Y') },
      problem('error', 'needs.csv', 2, 'attended', 'Y', expected.attendedNotOffered())],
    ['an offer before the need was identified (a warning)', { 'needs.csv': csv(NEEDS, 'C1,MENTAL_HEALTH,2024-02-01,,31/01/2024,N') },
      problem('warning', 'needs.csv', 2, 'offered_date', '31/01/2024', expected.offeredBeforeIdentified('2024-02-01'))],
    ['a blank identified date', { 'needs.csv': csv(NEEDS, 'C1,SEND,,Y,,') },
      problem('error', 'needs.csv', 2, 'identified_date', null, expected.notBlank())],
    ['an unknown care status', { 'care_status.csv': csv(CARE, 'C1,CP,2024-01-01,') },
      problem('error', 'care_status.csv', 2, 'status', 'CP', expected.oneOf(Object.keys(CARE_STATUSES)))],
    ['a status ending before it starts', { 'care_status.csv': csv(CARE, 'C1,LAC,2024-01-02,2024-01-01') },
      problem('error', 'care_status.csv', 2, 'end_date', '2024-01-01', expected.notBefore('start_date', '2024-01-02'))],
    ['a repeated victim id', { 'victims.csv': csv(VICTIMS, 'V1,C1,2024-01-01,Y,Y,N,Y', 'V1,C1,2024-02-01,N,N,N,N') },
      problem('error', 'victims.csv', 3, 'victim_id', 'V1', expected.unique(2))],
    ['a victim of a child not in children.csv', { 'victims.csv': csv(VICTIMS, 'V1,C7,2024-01-01,Y,Y,N,Y') },
      problem('error', 'victims.csv', 2, 'child_id', 'C7', expected.childExists())],
    ['a victim contacted without consent (a warning)', { 'victims.csv': csv(VICTIMS, 'V1,C1,2024-01-01,N,Y,N,Y') },
      problem('warning', 'victims.csv', 2, 'contacted', 'Y', expected.withoutConsent('contacted'))],
    ['a victim in restorative justice without consent (a warning)', { 'victims.csv': csv(VICTIMS, 'V1,C1,2024-01-01,,N,Y,Y') },
      problem('warning', 'victims.csv', 2, 'engaged_rj', 'Y', expected.withoutConsent('engaged_rj'))],
    ['an unknown board sector', { 'board_attendance.csv': csv(BOARD, '2024-05-01,COUNCIL,Y,Y,Y') },
      problem('error', 'board_attendance.csv', 2, 'sector', 'COUNCIL', expected.oneOf(Object.keys(BOARD_SECTORS)))],
    ['a sector twice at one meeting', { 'board_attendance.csv': csv(BOARD, '2024-05-01,POLICE,Y,Y,Y', '01/05/2024,Police,N,,') },
      problem('error', 'board_attendance.csv', 3, 'meeting_date, sector', '01/05/2024, Police', expected.unique(2))],
    ['a senior partner at a meeting not attended (a warning)', { 'board_attendance.csv': csv(BOARD, '2024-05-01,HEALTH,N,Y,') },
      problem('warning', 'board_attendance.csv', 2, 'senior', 'Y', expected.seniorNotAttended())],
    ['a resident_in_area that is not Y/N', { 'children.csv': csv('child_id,date_of_birth,sex,ethnicity,resident_in_area', 'C1,2008-05-01,M,WBRI,out') },
      problem('error', 'children.csv', 2, 'resident_in_area', 'out', expected.yesNo())],
  ];
  for (const [name, files, wanted] of cases) {
    it(`reports ${name}`, async () => {
      expect(await problemsOf(files)).toEqual([wanted]);
    });
  }

  it('accepts codes and labels in any case, every Y/N form, and blanks where allowed', async () => {
    const problems = await problemsOf({
      'accommodation.csv': csv(ACCOMMODATION, 'C1,2024-01-01,,foster care,TRUE', 'C1,2024-02-01,2024-03-01,Secure,0'),
      'needs.csv': csv(NEEDS, 'C1,send,2024-01-01,Yes,,', 'C1,Mental health and emotional wellbeing,2024-01-01,,2024-02-01,no'),
      'care_status.csv': csv(CARE, 'C1,child in need,2024-01-01,', 'C1,early_help,2024-01-01,2024-01-01'),
      'victims.csv': csv(VICTIMS, 'V1,C1,2024-01-01,,,,'),
      'board_attendance.csv': csv(BOARD, "2024-05-01,Children's social care,1,,", '2024-05-01,probation,y,n,n'),
    });
    expect(problems).toEqual([]);
  });
});

describe('KPI files: every problem at once', () => {
  it('lists the problems of every KPI file together, each at its line', async () => {
    const problems = await problemsOf({
      'accommodation.csv': csv(ACCOMMODATION, 'C1,2024-01-01,,FAMILY,Y', 'C1,2024-02-01,,MANSION,maybe'),
      'needs.csv': csv(NEEDS, 'C1,SEND,2024-01-01,Y,,', 'C9,SEND,2024-13-01,,,'),
      'victims.csv': csv(VICTIMS, 'V1,C1,2024-01-01,Y,Y,N,Y', 'V2,C1,,Y,Y,N,Y'),
    });
    expect(problems.map((p) => [p.file, p.line, p.column, p.severity])).toEqual([
      ['accommodation.csv', 3, 'type', 'error'],
      ['accommodation.csv', 3, 'suitable', 'error'],
      ['needs.csv', 3, 'child_id', 'error'],
      ['needs.csv', 3, 'identified_date', 'error'],
      ['victims.csv', 3, 'identified_date', 'error'],
    ]);
  });
});

describe('KPI files: keyed loads', () => {
  it('loads the files into the store, and a later extract replaces a record with the same key and keeps the others', async () => {
    const first = await extractDir({
      ...MINIMAL,
      'children.csv': csv('child_id,date_of_birth,sex,ethnicity,resident_in_area', 'C1,2008-05-01,M,WBRI,N'),
      'accommodation.csv': csv(ACCOMMODATION, 'C1,2024-01-01,,FAMILY,Y', 'C1,2024-06-01,,FOSTER,Y'),
      'board_attendance.csv': csv(BOARD, '2024-05-01,POLICE,Y,Y,Y'),
    });
    const second = await extractDir({
      ...MINIMAL,
      // The same placement (child, start, type) now ended and judged unsuitable.
      'accommodation.csv': csv(ACCOMMODATION, 'C1,01/01/2024,2024-05-31,Parents or family,N'),
      'board_attendance.csv': csv(BOARD, '2024-05-01,police,Y,N,N', '2024-05-01,HEALTH,N,,'),
    });
    const store = await openStore(null);
    try {
      await loadExtract(store, first, { mode: 'merge', loadedAt: NOW });
      await loadExtract(store, second, { mode: 'merge', loadedAt: NOW });
      expect(await store.query(`SELECT child_id, CAST(start_date AS VARCHAR) AS s, CAST(end_date AS VARCHAR) AS e, type, suitable
        FROM accommodation ORDER BY start_date`)).toEqual([
        { child_id: 'C1', s: '2024-01-01', e: '2024-05-31', type: 'FAMILY', suitable: false },
        { child_id: 'C1', s: '2024-06-01', e: null, type: 'FOSTER', suitable: true },
      ]);
      expect(await store.query('SELECT sector, attended, senior, data_shared FROM board_attendance ORDER BY sector')).toEqual([
        { sector: 'HEALTH', attended: false, senior: null, data_shared: null },
        { sector: 'POLICE', attended: true, senior: false, data_shared: false },
      ]);
      // The second extract's children.csv has no resident_in_area column: blank, which means resident.
      expect(await store.query('SELECT resident_in_area FROM children')).toEqual([{ resident_in_area: null }]);
    } finally {
      store.close();
    }
  });
});
