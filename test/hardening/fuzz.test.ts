/**
 * A bounded fuzz test: random byte flips and truncations of small sample
 * extracts (seeded, so a failure replays). Whatever the damage, yjpack ends
 * with a deliberate exit code (0, 64, 65 or 66, never 1 for "bug"), and an
 * extract that validate refuses never becomes a pack.
 */
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateSample } from '../../pipeline/sample/index.js';
import { createRng, type Rng } from '../../pipeline/sample/rng.js';
import { parsePeriod } from '../../pipeline/period.js';
import { CLEAN, readExtract, type ExtractFiles } from './corpus.js';
import { STACK_FRAME, cli, tempDir, writeExtract } from './cli.js';

// Bounded for npm test; YJPACK_FUZZ_ROUNDS and YJPACK_FUZZ_SEED run a longer or different campaign by hand.
const ROUNDS = Number(process.env.YJPACK_FUZZ_ROUNDS ?? 40);
const SEED = Number(process.env.YJPACK_FUZZ_SEED ?? 20261123);
const DELIBERATE = [0, 64, 65, 66];
/** Bytes that matter to a CSV reader, tried more often than chance would. */
const TELLING = [0x2c, 0x22, 0x0a, 0x0d, 0x00, 0xff, 0xc3, 0x3b, 0x09, 0x20, 0x3c, 0x2d, 0x2f];

let bases: ExtractFiles[];
beforeAll(async () => {
  const sample = await tempDir('yj-fuzz-base-');
  await generateSample({ outDir: sample, children: 25, seed: 3, to: parsePeriod('2024-25-Q4') });
  const generated = await readExtract(sample);
  bases = [await readExtract(CLEAN), Object.fromEntries(Object.entries(generated).filter(([n]) => n.endsWith('.csv')))];
}, 60_000);

interface Mutation { files: ExtractFiles; description: string }

function mutate(base: ExtractFiles, rng: Rng): Mutation {
  const name = rng.pick(Object.keys(base).sort());
  const bytes = Buffer.from(base[name]!);
  const roll = rng.next();
  if (roll < 0.2) {
    // Cut after a whole line: often still a valid (shorter) extract, which the run must then handle.
    const ends = [...bytes.entries()].filter(([, b]) => b === 0x0a).map(([i]) => i);
    const at = rng.pick(ends) + 1;
    return { files: { ...base, [name]: bytes.subarray(0, at) }, description: `${name} cut after byte ${at - 1}` };
  }
  if (roll < 0.35) {
    const digits = [...bytes.entries()].filter(([, b]) => b >= 0x30 && b <= 0x39).map(([i]) => i);
    const at = rng.pick(digits);
    bytes[at] = 0x30 + rng.int(0, 9);
    return { files: { ...base, [name]: bytes }, description: `${name} digit at ${at}→${String.fromCharCode(bytes[at]!)}` };
  }
  if (roll < 0.55) {
    const at = rng.int(0, bytes.length - 1);
    return { files: { ...base, [name]: bytes.subarray(0, at) }, description: `${name} truncated at byte ${at}` };
  }
  const flips: string[] = [];
  for (let k = rng.int(1, 4); k > 0; k--) {
    const at = rng.int(0, bytes.length - 1);
    bytes[at] = rng.chance(0.5) ? rng.pick(TELLING) : rng.int(0, 255);
    flips.push(`${at}→0x${bytes[at]!.toString(16)}`);
  }
  return { files: { ...base, [name]: bytes }, description: `${name} bytes ${flips.join(', ')}` };
}

describe('fuzzed extracts', () => {
  it(`${ROUNDS} seeded flips and truncations never end in an unhandled error or a pack from a refused extract`, async () => {
    const rng = createRng(SEED);
    const outcomes = { refused: 0, accepted: 0 };
    for (let round = 0; round < ROUNDS; round++) {
      const { files, description } = mutate(bases[round % bases.length]!, rng);
      const dir = await writeExtract(files);
      const out = join(dir, 'reports');
      const validate = await cli('validate', '--data', dir);
      const run = await cli('run', '--data', dir, '--out', out, '--no-pdf');
      const context = `round ${round}: ${description}\n${validate.err}${run.err}`;
      expect(DELIBERATE, context).toContain(validate.code);
      expect(DELIBERATE, context).toContain(run.code);
      expect(`${validate.err}${run.err}`, context).not.toMatch(STACK_FRAME);
      if (validate.code !== 0) {
        outcomes.refused++;
        expect(run.code, context).not.toBe(0);
        // No pack folder: at most the problems file beside where it would be.
        const written = existsSync(out) ? await readdir(out) : [];
        expect(written.filter((n) => n !== 'problems.csv'), context).toEqual([]);
      } else {
        outcomes.accepted++;
      }
    }
    // The fuzz must exercise both paths, or it tests less than it claims.
    expect(outcomes.refused).toBeGreaterThan(0);
    expect(outcomes.accepted).toBeGreaterThan(0);
  }, Math.max(180_000, ROUNDS * 5_000));
});
