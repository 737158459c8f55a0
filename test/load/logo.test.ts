import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { YjpackError } from '../../pipeline/errors.js';
import { MAX_LOGO_BYTES, readLogo, sniffImageType } from '../../pipeline/load/logo.js';
import { tempDir } from '../support/temp-dir.js';

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const JPEG = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 16]);
const SVG = '<?xml version="1.0"?>\n<!-- crest -->\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>';

let dir: string;
beforeAll(async () => {
  dir = await tempDir('yjpack-logo-');
});

async function failure(path: string): Promise<YjpackError> {
  const e = await readLogo(path).catch((x: unknown) => x);
  if (!(e instanceof YjpackError)) throw new Error(`expected a YjpackError, got ${String(e)}`);
  return e;
}

describe('sniffImageType', () => {
  it('tells PNG, JPEG and SVG from their bytes', () => {
    expect(sniffImageType(PNG)).toBe('image/png');
    expect(sniffImageType(JPEG)).toBe('image/jpeg');
    expect(sniffImageType(new TextEncoder().encode(`\uFEFF${SVG}`))).toBe('image/svg+xml');
  });

  it('says null for anything else', () => {
    expect(sniffImageType(new TextEncoder().encode('GIF89a'))).toBeNull();
    expect(sniffImageType(new TextEncoder().encode('<html><body>no svg</body></html>'))).toBeNull();
    expect(sniffImageType(new Uint8Array())).toBeNull();
  });
});

describe('readLogo', () => {
  it('returns the bytes and their type, SVG as it is (it is shown through <img>, where no script runs)', async () => {
    await writeFile(join(dir, 'crest.svg'), SVG);
    const logo = await readLogo(join(dir, 'crest.svg'));
    expect(logo.mediaType).toBe('image/svg+xml');
    expect(new TextDecoder().decode(logo.bytes)).toBe(SVG);
  });

  it('goes by the content, not the name', async () => {
    await writeFile(join(dir, 'named.svg'), PNG);
    expect((await readLogo(join(dir, 'named.svg'))).mediaType).toBe('image/png');
  });

  it('reports a missing file (66), a file that is no image (78) and one too large to inline (78)', async () => {
    const missing = await failure(join(dir, 'nope.png'));
    expect([missing.messageId, missing.exitCode]).toEqual(['logoMissing', 66]);

    await writeFile(join(dir, 'text.png'), 'hello');
    const notImage = await failure(join(dir, 'text.png'));
    expect([notImage.messageId, notImage.exitCode]).toEqual(['logoNotImage', 78]);

    const big = new Uint8Array(MAX_LOGO_BYTES + 1);
    big.set(PNG);
    await writeFile(join(dir, 'big.png'), big);
    const tooLarge = await failure(join(dir, 'big.png'));
    expect([tooLarge.messageId, tooLarge.exitCode]).toEqual(['logoTooLarge', 78]);
    // 512 KiB + 1 byte → 513 KB (rounded up).
    expect(tooLarge.message).toContain('513 KB');
  });
});
