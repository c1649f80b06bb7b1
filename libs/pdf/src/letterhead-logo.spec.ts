import { checkLogo, MAX_LOGO_BYTES } from './letterhead-logo';
import { PdfInputError } from './pdf-input-error';
import { jpegSkeleton, solidPng } from './testing/test-images';

describe('checkLogo', () => {
  it('accepts a whole PNG and reads its size', () => {
    expect(checkLogo(solidPng(40, 12, [200, 30, 30]))).toEqual({
      format: 'png',
      width: 40,
      height: 12,
    });
  });

  it('accepts a JPEG whose segments are whole and reads its size', () => {
    expect(checkLogo(jpegSkeleton(320, 100))).toEqual({ format: 'jpeg', width: 320, height: 100 });
  });

  it('refuses what is neither PNG nor JPEG', () => {
    expect(() => checkLogo(Buffer.from('GIF89a……'))).toThrow(
      new PdfInputError('letterhead logo must be a PNG or JPEG image'),
    );
  });

  it('refuses a PNG cut short', () => {
    const png = solidPng(40, 12, [0, 0, 0]);
    expect(() => checkLogo(png.subarray(0, png.length - 20))).toThrow(
      /not a valid PNG: .*cut short/,
    );
  });

  it('refuses a PNG with a damaged byte', () => {
    const png = Buffer.from(solidPng(40, 12, [0, 0, 0]));
    png[45] ^= 0xff;
    expect(() => checkLogo(png)).toThrow(/not a valid PNG: the \w+ chunk fails its checksum/);
  });

  it('refuses a JPEG without its end', () => {
    const jpeg = jpegSkeleton(320, 100);
    expect(() => checkLogo(jpeg.subarray(0, jpeg.length - 2))).toThrow(
      /not a valid JPEG: the file is cut short/,
    );
  });

  it('refuses a logo over 2 MB', () => {
    const big = Buffer.concat([solidPng(1, 1, [0, 0, 0]), Buffer.alloc(MAX_LOGO_BYTES)]);
    expect(() => checkLogo(big)).toThrow(/limit is 2097152 bytes/);
  });

  it('throws PdfInputError, for callers to tell bad input from a bug', () => {
    expect(() => checkLogo(Buffer.from([0x89, 0x50]))).toThrow(PdfInputError);
  });
});
