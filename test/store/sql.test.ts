/**
 * The SQL helpers: ageSql counts whole years of age as ageOn does, so a child
 * born on 29 February is a year older from 1 March in a year without a
 * 29 February, and from 29 February in a leap year.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ageOn } from '../../pipeline/period.js';
import { openStore, type Store } from '../../pipeline/store/db.js';
import { ageSql, sqlList } from '../../pipeline/store/sql.js';

let store: Store;
beforeAll(async () => { store = await openStore(null); });
afterAll(() => { store.close(); });

async function sqlAge(dateOfBirth: string, day: string): Promise<number> {
  const [row] = await store.query<{ age: number }>(
    `SELECT ${ageSql('CAST($day AS DATE)', 'CAST($dob AS DATE)')} AS age`, { day, dob: dateOfBirth });
  return Number(row!.age);
}

describe('ageSql', () => {
  // Born 29 February 2008. 2026 has no 29 February: 18 on 1 March, still 17 on 28 February.
  // 2024 is a leap year: 16 on 29 February itself, 15 the day before.
  it.each<[string, string, number]>([
    ['2008-02-29', '2026-02-28', 17],
    ['2008-02-29', '2026-03-01', 18],
    ['2008-02-29', '2024-02-28', 15],
    ['2008-02-29', '2024-02-29', 16],
    ['2008-02-29', '2024-03-01', 16],
    // An ordinary birthday: the day before and the day itself.
    ['2010-06-15', '2020-06-14', 9],
    ['2010-06-15', '2020-06-15', 10],
  ])('born %s, on %s: %i, as ageOn says', async (dob, day, age) => {
    expect(await sqlAge(dob, day)).toBe(age);
    expect(ageOn(dob, day)).toBe(age);
  });
});

describe('sqlList', () => {
  it('quotes each value and doubles a quote inside one', () => {
    expect(sqlList(['a', "o'b"])).toBe("'a', 'o''b'");
  });
});
