/**
 * Dates as whole days since 1970-01-01 (UTC), so that the generator adds and
 * compares plain integers and formats each day once (a national-size sample
 * formats millions of dates).
 */
const MS_PER_DAY = 86_400_000;

export function dayOf(iso: string): number {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / MS_PER_DAY;
}

export function dayOfYmd(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

const formatted = new Map<number, string>();

export function isoOfDay(day: number): string {
  let s = formatted.get(day);
  if (s === undefined) {
    s = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
    formatted.set(day, s);
  }
  return s;
}

/** 0 = Sunday … 6 = Saturday (1 January 1970 was a Thursday). */
export function weekday(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** The day a child born on `dob` turns `years` old (29 February birthdays fall on 1 March). */
export function birthday(dob: number, years: number): number {
  const d = new Date(dob * MS_PER_DAY);
  return Date.UTC(d.getUTCFullYear() + years, d.getUTCMonth(), d.getUTCDate()) / MS_PER_DAY;
}

/**
 * The last day of compulsory school age: the last Friday of June of the
 * school year (September to August) in which the child turns 16.
 */
export function schoolLeavingDay(dob: number): number {
  const d = new Date(dob * MS_PER_DAY);
  const year = d.getUTCFullYear() + 16 + (d.getUTCMonth() >= 8 ? 1 : 0);
  const june30 = dayOfYmd(year, 6, 30);
  return june30 - ((weekday(june30) - 5 + 7) % 7);
}
