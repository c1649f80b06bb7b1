// Test helper: a PDF's text layer as poppler (Debian's poppler-utils) reads it, and the
// ToUnicode maps of its fonts. Only specs, end-to-end tests and the benchmark import this.
import { execFileSync } from 'node:child_process';
import { inflateSync } from 'node:zlib';

/** `pdftotext` of the whole document, UTF-8; `layout` keeps the physical layout (`-layout`). */
export function pdftotext(bytes: Uint8Array, options: { layout?: boolean } = {}): string {
  const args = [...(options.layout ? ['-layout'] : []), '-enc', 'UTF-8', '-', '-'];
  return execFileSync('pdftotext', args, {
    input: bytes,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
}

export interface ToUnicodeMap {
  /** The font's /BaseFont, e.g. `CZZZZZ+NotoSans-Regular`. */
  font: string;
  /** Glyph code → the text it stands for ('' for an empty entry `<>`). */
  entries: Map<number, string>;
}

/**
 * The ToUnicode CMap of every Type0 font in a PDF as pdfkit writes them: one `bfrange` per
 * 256 codes with an array of destinations, in a stream that is Flate-compressed unless the
 * document was made with `compress: false`. Throws on any other CMap form, so that a change
 * in pdfkit's output cannot make the check pass by reading nothing.
 */
export function toUnicodeMaps(bytes: Uint8Array): ToUnicodeMap[] {
  const pdf = Buffer.from(bytes);
  const text = pdf.toString('latin1');
  const maps: ToUnicodeMap[] = [];
  const fonts = /\d+ 0 obj\s*<<([^]*?)>>\s*endobj/g;
  for (const [, dict] of text.matchAll(fonts)) {
    if (!/\/Subtype \/Type0\b/.test(dict)) continue;
    const font = /\/BaseFont \/(\S+)/.exec(dict)?.[1] ?? '?';
    const ref = /\/ToUnicode (\d+) 0 R/.exec(dict);
    if (ref === null) throw new Error(`${font} has no ToUnicode map`);
    maps.push({ font, entries: parseCMap(streamOf(pdf, text, Number(ref[1]))) });
  }
  return maps;
}

function streamOf(pdf: Buffer, text: string, object: number): string {
  const start = new RegExp(`(?:^|\\s)${object} 0 obj\\s*<<([^]*?)>>\\s*stream\\r?\\n`).exec(text);
  if (start === null) throw new Error(`object ${object} is not a stream`);
  const length = /\/Length (\d+)/.exec(start[1]);
  if (length === null) throw new Error(`object ${object} has no direct /Length`);
  const from = start.index + start[0].length;
  const data = pdf.subarray(from, from + Number(length[1]));
  const flate = /\/Filter \/FlateDecode/.test(start[1]);
  if (!flate && /\/Filter/.test(start[1])) throw new Error(`object ${object}: unknown filter`);
  return (flate ? inflateSync(data) : data).toString('latin1');
}

function parseCMap(cmap: string): Map<number, string> {
  const entries = new Map<number, string>();
  const sections = /begin(bfrange|bfchar)([^]*?)end\1/g;
  for (const [, kind, body] of cmap.matchAll(sections)) {
    if (kind === 'bfchar') {
      for (const [, code, value] of body.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F\s]*)>/g)) {
        entries.set(parseInt(code, 16), utf16(value));
      }
      continue;
    }
    const ranges = /<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*\[([^\]]*)\]/g;
    let matched = 0;
    for (const [, from, to, values] of body.matchAll(ranges)) {
      const destinations = [...values.matchAll(/<([0-9a-fA-F\s]*)>/g)].map((m) => utf16(m[1]));
      const first = parseInt(from, 16);
      if (destinations.length !== parseInt(to, 16) - first + 1) {
        throw new Error(`bfrange <${from}> <${to}> has ${destinations.length} destinations`);
      }
      destinations.forEach((value, i) => entries.set(first + i, value));
      matched++;
    }
    if (matched === 0 && body.trim() !== '' && !/^\d+$/.test(body.trim())) {
      throw new Error(`unexpected bfrange form: ${body.slice(0, 80)}`);
    }
  }
  return entries;
}

/** `0045 0301` (UTF-16BE code units, possibly space-separated) as a string. */
function utf16(hex: string): string {
  const digits = hex.replace(/\s+/g, '');
  const units: number[] = [];
  for (let i = 0; i + 4 <= digits.length; i += 4) units.push(parseInt(digits.slice(i, i + 4), 16));
  return String.fromCharCode(...units);
}
