/** Reads the YAML config file; parsing and checking live in config.ts. */
import { readFile } from 'node:fs/promises';
import { parseConfig, type Config } from '../config.js';
import { YjpackError } from '../errors.js';

export async function readConfigFile(path: string): Promise<Config> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    throw new YjpackError('configMissing', { path }, { cause: e });
  }
  return parseConfig(text, path);
}
