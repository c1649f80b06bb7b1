import type { IncomingMessage, ServerResponse } from 'node:http';

/** Deeper than this, a JSON body is refused: no request of the API nests past 8 levels. */
export const MAX_JSON_DEPTH = 32;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPENERS = new Set([0x5b, 0x7b]); // [ {
const CLOSERS = new Set([0x5d, 0x7d]); // ] }

/** The deepest nesting of arrays and objects in a JSON text, scanned without recursion. */
export function jsonDepth(text: Buffer | string): number {
  const codes = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i];
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) {
      inString = true;
    } else if (OPENERS.has(c)) {
      depth++;
      if (depth > deepest) deepest = depth;
    } else if (CLOSERS.has(c)) {
      depth--;
    }
  }
  return deepest;
}

/**
 * The JSON body parser's `verify` hook: refuses a body nested deeper than `max` with 400
 * before it is parsed, so nothing downstream (class-transformer walks bodies recursively)
 * can run out of stack on it.
 */
export function refuseDeepJson(max = MAX_JSON_DEPTH) {
  return (_req: IncomingMessage, _res: ServerResponse, body: Buffer, encoding: string): void => {
    const text =
      !encoding || /^utf-?8$/i.test(encoding) ? body : new TextDecoder(encoding).decode(body);
    if (jsonDepth(text) > max) {
      // body-parser keeps the status and type of the error that verify throws.
      throw Object.assign(new Error(`body: nested more than ${max} levels deep`), {
        status: 400,
        expose: true,
        type: 'entity.too.deep',
      });
    }
  };
}
