// Module hooks for record-imports.mjs (they run on the loader's own thread).
import { appendFileSync } from 'node:fs';

export async function load(url, context, nextLoad) {
  if (process.env.YJPACK_IMPORT_LOG) appendFileSync(process.env.YJPACK_IMPORT_LOG, `${url}\n`);
  return nextLoad(url, context);
}
