import { crc32, inflateSync } from 'node:zlib';
import { PdfInputError } from './pdf-input-error';

export const MAX_LOGO_BYTES = 2 * 1024 * 1024;
// A letterhead needs a few hundred pixels; this bounds the memory a decoded image can take.
const MAX_LOGO_PIXELS = 25_000_000;

export interface CheckedLogo {
  format: 'png' | 'jpeg';
  width: number;
  height: number;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * Checks that a letterhead logo is a whole PNG or JPEG before pdfkit sees it. pdfkit copies
 * PNG and JPEG data into the PDF mostly as they are, so a truncated or corrupt file would
 * otherwise give a PDF that viewers show broken (or an error deep inside `end()`).
 */
export function checkLogo(logo: Buffer): CheckedLogo {
  if (logo.length > MAX_LOGO_BYTES) {
    throw new PdfInputError(
      `letterhead logo is ${logo.length} bytes; the limit is ${MAX_LOGO_BYTES} bytes (2 MB)`,
    );
  }
  if (logo.subarray(0, 8).equals(PNG_SIGNATURE)) return checkPng(logo);
  if (logo[0] === 0xff && logo[1] === 0xd8 && logo[2] === 0xff) return checkJpeg(logo);
  throw new PdfInputError('letterhead logo must be a PNG or JPEG image');
}

function checkPng(png: Buffer): CheckedLogo {
  const corrupt = (why: string): PdfInputError =>
    new PdfInputError(`letterhead logo is not a valid PNG: ${why}`);
  let offset = 8;
  let header: { width: number; height: number; rowBytes: number; interlaced: boolean } | null =
    null;
  const data: Buffer[] = [];
  let ended = false;
  while (offset + 12 <= png.length && !ended) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('latin1', offset + 4, offset + 8);
    const end = offset + 12 + length;
    if (end > png.length) throw corrupt(`the ${type} chunk is cut short`);
    if (crc32(png.subarray(offset + 4, end - 4)) !== png.readUInt32BE(end - 4)) {
      throw corrupt(`the ${type} chunk fails its checksum`);
    }
    const body = png.subarray(offset + 8, end - 4);
    if (header === null && type !== 'IHDR') throw corrupt('it does not start with a header');
    if (type === 'IHDR') header = pngHeader(body, corrupt);
    else if (type === 'IDAT') data.push(body);
    else if (type === 'IEND') ended = true;
    offset = end;
  }
  if (header === null || !ended) throw corrupt('the file is cut short');
  if (data.length === 0) throw corrupt('it has no image data');
  const expected = header.height * (header.rowBytes + 1);
  let pixels: Buffer;
  try {
    // Interlaced images hold a little more than `expected` (7 passes with their own filter bytes).
    pixels = inflateSync(Buffer.concat(data), { maxOutputLength: expected * 2 + 1024 });
  } catch {
    throw corrupt('its image data does not decompress');
  }
  if (header.interlaced ? pixels.length < expected : pixels.length !== expected) {
    throw corrupt('its image data has the wrong size');
  }
  return { format: 'png', width: header.width, height: header.height };
}

const PNG_CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

function pngHeader(
  body: Buffer,
  corrupt: (why: string) => PdfInputError,
): { width: number; height: number; rowBytes: number; interlaced: boolean } {
  if (body.length !== 13) throw corrupt('its header has the wrong length');
  const width = body.readUInt32BE(0);
  const height = body.readUInt32BE(4);
  const bitDepth = body[8];
  const channels = PNG_CHANNELS[body[9]];
  if (
    width === 0 ||
    height === 0 ||
    channels === undefined ||
    ![1, 2, 4, 8, 16].includes(bitDepth)
  ) {
    throw corrupt('its header is not one pdfkit can use');
  }
  checkPixels(width, height);
  return {
    width,
    height,
    rowBytes: Math.ceil((width * channels * bitDepth) / 8),
    interlaced: body[12] === 1,
  };
}

// Walks the JPEG segments up to the start of the scan: a start-of-frame must give the size,
// and the end-of-image marker must follow the scan data, or the file was cut short.
function checkJpeg(jpeg: Buffer): CheckedLogo {
  const corrupt = (why: string): PdfInputError =>
    new PdfInputError(`letterhead logo is not a valid JPEG: ${why}`);
  let offset = 2;
  let size: { width: number; height: number } | null = null;
  while (offset + 4 <= jpeg.length) {
    if (jpeg[offset] !== 0xff) throw corrupt(`no segment marker at byte ${offset}`);
    const marker = jpeg[offset + 1];
    if (marker === 0xff) {
      offset++;
      continue;
    }
    const length = jpeg.readUInt16BE(offset + 2);
    if (length < 2 || offset + 2 + length > jpeg.length) throw corrupt('a segment is cut short');
    if (isStartOfFrame(marker)) {
      if (length < 8) throw corrupt('its frame header is too short');
      size = { height: jpeg.readUInt16BE(offset + 5), width: jpeg.readUInt16BE(offset + 7) };
    }
    if (marker === 0xda) {
      if (size === null || size.width === 0 || size.height === 0) {
        throw corrupt('it has no image size before its data');
      }
      checkPixels(size.width, size.height);
      const endOfImage = jpeg.lastIndexOf(Buffer.from([0xff, 0xd9]));
      if (endOfImage < offset + 2 + length) throw corrupt('the file is cut short');
      return { format: 'jpeg', ...size };
    }
    offset += 2 + length;
  }
  throw corrupt('the file is cut short');
}

// SOF0–SOF15, except DHT (C4), JPG (C8) and DAC (CC), which share the range.
function isStartOfFrame(marker: number): boolean {
  return marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker);
}

function checkPixels(width: number, height: number): void {
  if (width * height > MAX_LOGO_PIXELS) {
    throw new PdfInputError(
      `letterhead logo is ${width}×${height} pixels; at most ${MAX_LOGO_PIXELS} pixels are accepted`,
    );
  }
}
