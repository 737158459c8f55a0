/**
 * The KPI files (accommodation, needs, care_status, victims,
 * board_attendance) for a benchmark extract, until the sample generator
 * writes them: a small deterministic generator that reads the extract's
 * interventions.csv and draws, per intervention, rows around its dates at
 * roughly the rates of docs/indicators.md (about 90% suitably housed, a
 * quarter with SEND, a third with a mental-health need), so the KPI joins run
 * at the extract's own volume. Rates only need to be plausible: this is for
 * timing, never for figures.
 */
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileSpec } from '../pipeline/contract/files.js';
import { addQuarters, periodEnd, periodStart, type Period } from '../pipeline/period.js';
import { dayOf, isoOfDay } from '../pipeline/sample/days.js';
import { createRng } from '../pipeline/sample/rng.js';
import { CsvWriter, idOf } from '../pipeline/sample/writer.js';

const HOUSING = ['FAMILY', 'FAMILY', 'FAMILY', 'KINSHIP', 'FOSTER', 'CHILDRENS_HOME', 'SEMI_INDEPENDENT', 'OTHER'];
const STATUSES = ['LAC', 'CPP', 'CIN', 'EARLY_HELP'];
const SECTORS = ['POLICE', 'PROBATION', 'HEALTH', 'EDUCATION', 'SOCIAL_CARE'];

export async function writeKpiFiles(dir: string, seed: number, from: Period, to: Period): Promise<{ name: string; rows: number }[]> {
  const writer = (name: 'accommodation' | 'needs' | 'care_status' | 'victims' | 'board_attendance') => {
    const spec = fileSpec(name);
    return new CsvWriter(join(dir, spec.fileName), spec.columns.map((c) => c.name));
  };
  const w = {
    accommodation: writer('accommodation'), needs: writer('needs'), care_status: writer('care_status'),
    victims: writer('victims'), board_attendance: writer('board_attendance'),
  };
  const rng = createRng(seed, 99);
  // Keys already written, so a child with several interventions never repeats one.
  const used = new Set<string>();
  const once = (key: string) => (used.has(key) ? false : (used.add(key), true));
  let victims = 0;
  // Nothing after the history's last day: a load refuses a date that has not happened yet (an end date is then open).
  const last = dayOf(periodEnd(to));
  const endOrOpen = (day: number) => (day > last ? '' : isoOfDay(day));
  const lines = createInterface({ input: createReadStream(join(dir, 'interventions.csv')), crlfDelay: Infinity });
  let header = true;
  for await (const line of lines) {
    if (header) { header = false; continue; }
    const [, child, , start, end] = line.split(',');
    if (!child || !start) continue;
    const s = dayOf(start);
    const e = end ? dayOf(end) : Math.min(last, s + 180);
    const type = rng.pick(HOUSING);
    const from1 = s - rng.int(30, 700);
    if (once(`a|${child}|${from1}|${type}`)) {
      const until = rng.chance(0.7) ? '' : endOrOpen(Math.max(from1, e + rng.int(-20, 200)));
      w.accommodation.add([child, isoOfDay(from1), until, type, rng.chance(0.9) ? 'Y' : 'N']);
    }
    if (rng.chance(0.1)) {
      const move = Math.min(last, s + rng.int(1, Math.max(1, e - s)));
      if (once(`a|${child}|${move}|SEMI_INDEPENDENT`)) w.accommodation.add([child, isoOfDay(move), '', 'SEMI_INDEPENDENT', rng.chance(0.8) ? 'Y' : 'N']);
    }
    const need = (kind: string, p: number) => {
      if (!rng.chance(p)) return;
      const identified = Math.min(last, s - rng.int(-30, 400));
      if (!once(`n|${child}|${kind}|${identified}`)) return;
      const offered = kind !== 'SEND' && rng.chance(0.7) ? Math.min(last, identified + rng.int(5, 90)) : null;
      w.needs.add([child, kind, isoOfDay(identified), kind === 'SEND' ? (rng.chance(0.5) ? 'Y' : 'N') : '',
        offered === null ? '' : isoOfDay(offered), offered !== null && rng.chance(0.6) ? 'Y' : '']);
    };
    need('SEND', 0.25);
    need('MENTAL_HEALTH', 0.35);
    need('SUBSTANCE_MISUSE', 0.2);
    if (rng.chance(0.3)) {
      const status = rng.pick(STATUSES);
      const begins = s - rng.int(0, 900);
      if (once(`c|${child}|${status}|${begins}`)) w.care_status.add([child, status, isoOfDay(begins), rng.chance(0.5) ? '' : endOrOpen(begins + rng.int(30, 1200))]);
    }
    if (rng.chance(0.5)) {
      const consent = rng.chance(0.6);
      w.victims.add([idOf('V', ++victims, 8), child, isoOfDay(Math.min(last, s + rng.int(0, 30))), consent ? 'Y' : 'N',
        consent && rng.chance(0.8) ? 'Y' : 'N', consent && rng.chance(0.3) ? 'Y' : 'N', rng.chance(0.7) ? 'Y' : 'N']);
    }
    for (const x of Object.values(w)) await x.flushIfFull();
  }
  // Board meetings: about every six weeks.
  for (let day = dayOf(periodStart(from)) + 10; day <= dayOf(periodEnd(to)); day += 42) {
    for (const sector of SECTORS) {
      const attended = rng.chance(0.85);
      w.board_attendance.add([isoOfDay(day), sector, attended ? 'Y' : 'N', attended && rng.chance(0.8) ? 'Y' : '', attended && rng.chance(0.7) ? 'Y' : 'N']);
    }
  }
  for (const x of Object.values(w)) await x.close();
  for (const x of Object.values(w)) await x.commit();
  return Object.entries(w).map(([name, x]) => ({ name: `${name}.csv`, rows: x.rows }));
}

/** The first quarter of a history of `quarters` quarters ending with `to` (the sample's). */
export const historyStart = (to: Period, quarters: number): Period => addQuarters(to, -(quarters - 1));
