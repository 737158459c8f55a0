/**
 * Reads the service's logo (config `logo:`) for the cover. The type is told
 * from the bytes, not the file name, because the pack labels the data: URI
 * with it. An SVG is passed on as it is: the pack shows it through
 * <img src="data:…">, where a browser runs no script and fetches nothing
 * an SVG may contain, so it needs no sanitising here.
 */
import { YjpackError } from '../errors.js';
import { readRegularFile, type RegularFileRead } from './regular-file.js';

export type LogoMediaType = 'image/png' | 'image/jpeg' | 'image/svg+xml';

export interface Logo {
  mediaType: LogoMediaType;
  bytes: Uint8Array;
}

/** Inlined into every pack (base64 adds a third), so a logo is kept small. */
export const MAX_LOGO_BYTES = 512 * 1024;

export async function readLogo(path: string): Promise<Logo> {
  let read: RegularFileRead;
  try {
    read = await readRegularFile(path, MAX_LOGO_BYTES);
  } catch (e) {
    throw new YjpackError('logoMissing', { path, detail: (e as NodeJS.ErrnoException).code ?? (e as Error).message }, { cause: e });
  }
  if (read.kind === 'notFile') throw new YjpackError('logoNotFile', { path, what: read.what });
  // The size is known before a byte is read.
  if (read.kind === 'tooLarge') {
    throw new YjpackError('logoTooLarge', { path, size: Math.ceil(read.size / 1024), limit: MAX_LOGO_BYTES / 1024 });
  }
  const bytes = new Uint8Array(read.bytes);
  const mediaType = sniffImageType(bytes);
  if (mediaType === null) {
    throw new YjpackError('logoNotImage', { path, detail: bytes.byteLength === 0 ? 'the file is empty' : 'its content is not one of those formats' });
  }
  return { mediaType, bytes };
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG_SIGNATURE = [0xff, 0xd8, 0xff];
/** How far into an SVG file its <svg> element may start (after an XML declaration, comments, a doctype). */
const SVG_SNIFF_BYTES = 4096;

/** The image type from the file's first bytes, or null when it is none of PNG, JPEG or SVG. */
export function sniffImageType(bytes: Uint8Array): LogoMediaType | null {
  const startsWith = (sig: readonly number[]) => sig.every((b, i) => bytes[i] === b);
  if (startsWith(PNG_SIGNATURE)) return 'image/png';
  if (startsWith(JPEG_SIGNATURE)) return 'image/jpeg';
  const head = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, SVG_SNIFF_BYTES)).replace(/^\uFEFF/, '');
  // Text that opens with markup and holds an <svg> element.
  if (/^\s*</.test(head) && /<svg[\s>]/i.test(head)) return 'image/svg+xml';
  return null;
}
