/** Reads the YAML config file; parsing and checking live in config.ts. */
import { parseConfig, type Config } from '../config.js';
import { YjpackError } from '../errors.js';
import { readRegularFile, type RegularFileRead } from './regular-file.js';

/** A settings file is a few lines; anything near this is the wrong file (README "Limits"). */
export const MAX_CONFIG_BYTES = 1024 * 1024;

export async function readConfigFile(path: string): Promise<Config> {
  let read: RegularFileRead;
  try {
    read = await readRegularFile(path, MAX_CONFIG_BYTES);
  } catch (e) {
    throw new YjpackError('configMissing', { path }, { cause: e });
  }
  if (read.kind === 'notFile') throw new YjpackError('configNotFile', { path, what: read.what });
  if (read.kind === 'tooLarge') {
    throw new YjpackError('configTooLarge', { path, size: Math.ceil(read.size / 1024), limit: MAX_CONFIG_BYTES / 1024 });
  }
  return parseConfig(read.bytes.toString('utf8'), path);
}
