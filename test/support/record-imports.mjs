// `node --import ./record-imports.mjs …`: appends the URL of every module the
// process loads (ESM, and CommonJS entered through import) to the file named
// by $YJPACK_IMPORT_LOG, one a line. Used to check which packages a command loads.
import { register } from 'node:module';

register('./record-imports-hooks.mjs', import.meta.url);
