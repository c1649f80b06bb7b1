import { execFileSync } from 'node:child_process';

/** poppler's reading of a PDF, whitespace runs as one space. */
export function pdftotext(file: string): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(
    /\s+/g,
    ' ',
  );
}
