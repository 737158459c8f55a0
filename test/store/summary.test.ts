import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadExtract } from '../../pipeline/load/index.js';
import { openStore } from '../../pipeline/store/db.js';
import { extractDateRange, loadedFiles } from '../../pipeline/store/summary.js';

const TINY = 'test/fixtures/cli/tiny';

describe('store summary', () => {
  it('names each file as last loaded, with its SHA-256, and the extract date range', async () => {
    const store = await openStore(null);
    await loadExtract(store, TINY, { mode: 'merge', loadedAt: new Date('2026-01-01T00:00:00Z') });
    await loadExtract(store, TINY, { mode: 'merge', loadedAt: new Date('2026-02-01T00:00:00Z') });
    const files = await loadedFiles(store);
    expect(files.map((f) => f.file)).toEqual(['children.csv', 'offences.csv', 'population.csv']);
    const offences = files.find((f) => f.file === 'offences.csv')!;
    expect(offences.rows).toBe(6);
    expect(offences.sha256).toBe(createHash('sha256').update(readFileSync(`${TINY}/offences.csv`)).digest('hex'));
    // Earliest offence 2024-01-10 (O1); latest outcome 2024-09-30 (O6, NFA: in no indicator, but a record of that day).
    expect(await extractDateRange(store)).toEqual({ from: '2024-01-10', to: '2024-09-30' });
    store.close();
  });
});
