import fc from 'fast-check';

/** Markers planted by the fuzz: if one appears raw in a page, a payload rendered unescaped. */
export const XSS_PAYLOADS = [
  '<script>alert("fz")</script>',
  '<img src=x onerror=alert("fz")>',
  '"><svg onload=alert("fz")>',
];

const SQL_PAYLOADS = [
  "' OR '1'='1",
  "'; DROP TABLE users; --",
  '1 UNION SELECT password_hash FROM users --',
  "\\'; SELECT pg_sleep(5); --",
];

const FORMULA_PAYLOADS = [
  '=HYPERLINK("http://evil.example","x")',
  '+cmd|calc!A0',
  '@SUM(1+1)',
  '-2+3',
];

const UNICODE_PAYLOADS = [
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udfff',
  '\ud83d',
  'Acme\u202Efdp.exe',
  'zero\u200Bwidth\u2060joiner\uFEFF',
  '\u2066isolate\u2069',
  'شبكة 中文 Ærøskøbing 🚀',
  'e\u0301\u0301\u0301',
  '\u0007\u001b[31mred',
  '\r\nBcc: victim@evil.example',
];

const SHAPE_PAYLOADS = [
  '',
  ' ',
  '%00',
  '../../etc/passwd',
  '{{7*7}}',
  '${7*7}',
  'null',
  'undefined',
];

/** A hostile or odd string: payloads, random full-range code units, or a huge one. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...XSS_PAYLOADS, ...SQL_PAYLOADS, ...FORMULA_PAYLOADS) },
  { weight: 4, arbitrary: fc.constantFrom(...UNICODE_PAYLOADS, ...SHAPE_PAYLOADS) },
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  {
    weight: 1,
    arbitrary: fc.integer({ min: 1_000, max: 300_000 }).map((n) => 'x'.repeat(n)),
  },
);

/** Numbers at and past every boundary a column or a JavaScript number has. */
export const hostileNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(
    0,
    -1,
    -0,
    0.5,
    2 ** 31 - 1,
    2 ** 31,
    -(2 ** 31) - 1,
    2 ** 53,
    Number.MAX_SAFE_INTEGER + 2,
    1e308,
    -1e308,
    Number.MIN_VALUE,
  ),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

/** A malformed id for a path segment (already URL-encoded where it must be). */
export const hostileId: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '%00',
    'a%00b',
    'not-a-uuid',
    '00000000-0000-0000-0000-000000000000',
    'FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF',
    '1',
    '-1',
    '2147483648',
    '99999999999999999999999',
    "1'%20OR%20'1'%3D'1",
    '%ED%A0%80', // a lone surrogate, UTF-8 encoded (ill-formed)
    '%FF',
    '..%2F..%2Fetc',
    'x'.repeat(2000),
  ),
  fc.uuid().map((u) => u.toUpperCase()),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 30 }).map(encodeURIComponentSafe),
);

/** encodeURIComponent, which throws on lone surrogates: those are sent as raw %ED bytes. */
export function encodeURIComponentSafe(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return [...Buffer.from(value, 'utf8')]
      .map((b) => `%${b.toString(16).padStart(2, '0')}`)
      .join('');
  }
}

/** A JSON value of any shape, small. */
export const anyJson: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  hostileNumber,
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.oneof(hostileString, hostileNumber), { maxLength: 5 }),
  fc.dictionary(fc.string({ maxLength: 8 }), hostileString, { maxKeys: 4 }),
);

/** JSON text nested `depth` levels deep, as arrays or objects. */
export const deepJson: fc.Arbitrary<string> = fc
  .record({ depth: fc.integer({ min: 20, max: 5000 }), objects: fc.boolean() })
  .map(({ depth, objects }) =>
    objects
      ? '{"a":'.repeat(depth) + '1' + '}'.repeat(depth)
      : '['.repeat(depth) + ']'.repeat(depth),
  );
