// DuckDB on its own, as a whole process: `node bench/bare-load.mjs DIR DB`
// loads every CSV in DIR into a plain database file DB (not a yjpack store),
// sniffing each file. The baseline the bench compares `yjpack load` with.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';

const [dir, db] = process.argv.slice(2);
const instance = await DuckDBInstance.create(db);
const connection = await instance.connect();
try {
  for (const f of (await readdir(dir)).filter((n) => n.endsWith('.csv'))) {
    await connection.run(`CREATE TABLE "${f.replace('.csv', '')}" AS SELECT * FROM read_csv($path, header = true)`, { path: join(dir, f) });
  }
} finally {
  connection.closeSync();
  instance.closeSync();
}
