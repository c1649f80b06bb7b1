import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { markdownBlocks, markdownProblems, renderMarkdownHtml, type MarkdownBlock } from '.';

const fixture = JSON.parse(
  readFileSync(join(__dirname, '../../../test/fixtures/letter-press-freedom.json'), 'utf8'),
) as { content: { body: string } };

// Text is escaped, so every `<` left in the output opens a tag the renderer wrote itself.
const tagsOf = (html: string): string[] => html.match(/<[^>]*>/g) ?? [];
const ALLOWED_TAG =
  /^<(?:\/?(?:p|strong|em|ul|ol|li)|br|ol start="\d+"|\/a|a href="(?:https?:\/\/|mailto:)[^"]*" rel="noopener noreferrer nofollow")>$/;

const attacks = [
  '<script>alert(1)</script>',
  'x <script src="https://evil.example/x.js"></script> y',
  '<img src=x onerror=alert(1)>',
  '<iframe src="https://evil.example"></iframe>',
  '<a href="javascript:alert(1)" onclick="alert(1)">click</a>',
  '<div onmouseover="alert(1)">hover</div>',
  '[x](javascript:alert(1))',
  '[x](JaVaScRiPt:alert(1))',
  '[x](javascript&#58;alert(1))',
  '[x](&#106;avascript:alert(1))',
  '[x](java\\script:alert(1))',
  '[x](data:text/html,<script>alert(1)</script>)',
  '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '[x](vbscript:msgbox(1))',
  '<javascript:alert(1)>',
  '![x](https://evil.example/pixel.png)',
  '[x](https://example.org "title" onmouseover="alert(1)")',
  '[x](https://example.org "\\" onmouseover=\\"alert(1)")',
];

describe('renderMarkdownHtml', () => {
  it.each(attacks)('writes only allowed tags and attributes for %s', (source) => {
    const html = renderMarkdownHtml(source);
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<iframe');
    expect(html).not.toContain('<img');
    for (const tag of tagsOf(html)) {
      expect(tag).toMatch(ALLOWED_TAG);
      expect(tag).not.toMatch(/onerror=|onclick=|onmouseover=|javascript:|data:/i);
    }
  });

  it('escapes raw HTML into visible text rather than dropping it', () => {
    expect(renderMarkdownHtml('<img src=x onerror=alert(1)>')).toBe(
      '<p>&lt;img src=x onerror=alert(1)&gt;</p>\n',
    );
  });

  it('leaves refused links as plain text', () => {
    expect(
      renderMarkdownHtml('[x](javascript&#58;alert(1)) and [y](/relative) and [z](#top)'),
    ).toBe('<p>[x](javascript:alert(1)) and [y](/relative) and [z](#top)</p>\n');
  });

  it('renders emphasis, bold, lists and http, https and mailto links', () => {
    const html = renderMarkdownHtml(
      'Act **now**, *please*: [report](https://example.org/r?a=1&b=2 "Report"), ' +
        '[old](http://example.org), [mail](mailto:press@example.org) and <https://example.net>.\n\n' +
        '- one\n- two\n  1. nested\n\n3. three\n4. four',
    );
    expect(html).toBe(
      '<p>Act <strong>now</strong>, <em>please</em>: ' +
        '<a href="https://example.org/r?a=1&amp;b=2" rel="noopener noreferrer nofollow">report</a>, ' +
        '<a href="http://example.org" rel="noopener noreferrer nofollow">old</a>, ' +
        '<a href="mailto:press@example.org" rel="noopener noreferrer nofollow">mail</a> and ' +
        '<a href="https://example.net" rel="noopener noreferrer nofollow">https://example.net</a>.</p>\n' +
        '<ul>\n<li>one</li>\n<li>two\n<ol>\n<li>nested</li>\n</ol>\n</li>\n</ul>\n' +
        '<ol start="3">\n<li>three</li>\n<li>four</li>\n</ol>\n',
    );
  });

  it('renders everything else as the text that was typed', () => {
    const html = renderMarkdownHtml(
      '# Heading\n\n> quote\n\n---\n\n`code` ~~struck~~\n\n```\nfence\n```\n\n    indented\n\n' +
        '| a | b |\n|---|---|\n| 1 | 2 |\n\n[ref]: https://example.org',
    );
    for (const tag of tagsOf(html)) expect(tag).toMatch(/^<\/?p>$/);
    for (const text of ['# Heading', '&gt; quote', '---', '`code`', '~~struck~~', '| a | b |']) {
      expect(html).toContain(text);
    }
  });

  it('shows image syntax as "!" and a link', () => {
    expect(renderMarkdownHtml('![chart](https://example.org/c.png)')).toBe(
      '<p>!<a href="https://example.org/c.png" rel="noopener noreferrer nofollow">chart</a></p>\n',
    );
  });

  it('keeps soft breaks and renders hard breaks', () => {
    expect(renderMarkdownHtml('one\ntwo  \nthree\\\nfour')).toBe(
      '<p>one\ntwo<br>\nthree<br>\nfour</p>\n',
    );
  });

  it('renders the fixture letter with its lists, bold, italic and link', () => {
    const html = renderMarkdownHtml(fixture.content.body);
    expect(html).toContain('<strong>without delay</strong>');
    expect(html).toContain('<em>transnational repression</em>');
    expect(html).toContain('<li>41 arbitrary detentions of reporters;</li>');
    expect(html).toContain('<ol>\n<li>publicly condemn these detentions;</li>');
    expect(html).toContain(
      '<a href="https://example.org/report" rel="noopener noreferrer nofollow">joint report</a>',
    );
    for (const tag of tagsOf(html)) expect(tag).toMatch(ALLOWED_TAG);
  });
});

describe('markdownBlocks', () => {
  const plain = (text: string) => ({ text, bold: false, italic: false });

  it('turns a body into paragraphs and nested lists with merged text runs', () => {
    const source = [
      'We urge **you**, *Minister* and ***all*** of\nyour [joint **team**](https://example.org/r)  ',
      'to act.',
      '',
      '- first',
      '- second',
      '  - nested *one*',
      '',
      '3. third',
      '4. fourth',
      '',
      '   with a second paragraph',
    ].join('\n');

    const expected: MarkdownBlock[] = [
      {
        kind: 'paragraph',
        inlines: [
          plain('We urge '),
          { text: 'you', bold: true, italic: false },
          plain(', '),
          { text: 'Minister', bold: false, italic: true },
          plain(' and '),
          { text: 'all', bold: true, italic: true },
          plain(' of your '),
          { text: 'joint ', bold: false, italic: false, href: 'https://example.org/r' },
          { text: 'team', bold: true, italic: false, href: 'https://example.org/r' },
          { lineBreak: true },
          plain('to act.'),
        ],
      },
      {
        kind: 'list',
        ordered: false,
        start: 1,
        items: [
          [{ kind: 'paragraph', inlines: [plain('first')] }],
          [
            { kind: 'paragraph', inlines: [plain('second')] },
            {
              kind: 'list',
              ordered: false,
              start: 1,
              items: [
                [
                  {
                    kind: 'paragraph',
                    inlines: [plain('nested '), { text: 'one', bold: false, italic: true }],
                  },
                ],
              ],
            },
          ],
        ],
      },
      {
        kind: 'list',
        ordered: true,
        start: 3,
        items: [
          [{ kind: 'paragraph', inlines: [plain('third')] }],
          [
            { kind: 'paragraph', inlines: [plain('fourth')] },
            { kind: 'paragraph', inlines: [plain('with a second paragraph')] },
          ],
        ],
      },
    ];
    expect(markdownBlocks(source)).toEqual(expected);
  });

  it('keeps refused links and raw HTML as plain text', () => {
    expect(markdownBlocks('[x](javascript:alert(1)) <b>hi</b>')).toEqual([
      { kind: 'paragraph', inlines: [plain('[x](javascript:alert(1)) <b>hi</b>')] },
    ]);
  });

  it('gives the fixture letter four paragraphs and two lists', () => {
    const kinds = markdownBlocks(fixture.content.body).map((block) =>
      block.kind === 'list' ? `${block.ordered ? 'ol' : 'ul'}:${block.items.length}` : 'p',
    );
    expect(kinds).toEqual(['p', 'p', 'ul:3', 'p', 'ol:3', 'p']);
  });

  it('returns no blocks for an empty body', () => {
    expect(markdownBlocks('')).toEqual([]);
  });
});

describe('markdownProblems', () => {
  it('finds nothing wrong with the fixture letter', () => {
    expect(markdownProblems(fixture.content.body)).toEqual([]);
  });

  it('finds nothing wrong with allowed links and literal markup', () => {
    expect(
      markdownProblems('[a](https://x.org) [b](HTTP://x.org) <mailto:a@b.org> # not a heading'),
    ).toEqual([]);
  });

  it('reports raw HTML by its first tag, once per tag name', () => {
    expect(
      markdownProblems(
        '<script>alert(1)</script>\n\nhi <b>x</b> <b>y</b> <img src=x onerror=alert(1)>',
      ),
    ).toEqual([
      'raw HTML is not allowed (<script>)',
      'raw HTML is not allowed (<b>)',
      'raw HTML is not allowed (<img src=x onerror=alert(1)>)',
    ]);
  });

  it('truncates long tags to 40 characters, ellipsis included', () => {
    expect(
      markdownProblems(`<iframe src="https://evil.example/${'a'.repeat(50)}"></iframe>`),
    ).toEqual(['raw HTML is not allowed (<iframe src="https://evil.example/aaaaa…)']);
  });

  it.each([
    ['[x](javascript:alert(1))', 'javascript:alert(1)'],
    ['[x](JaVaScRiPt:alert(1))', 'JaVaScRiPt:alert(1)'],
    ['[x](javascript&#58;alert(1))', 'javascript:alert(1)'],
    ['<javascript:alert(1)>', 'javascript:alert(1)'],
    ['[x](data:text/html,<script>alert(1)</script>)', 'data:text/html,<script>alert(1)</script>'],
    ['[x](vbscript:msgbox(1))', 'vbscript:msgbox(1)'],
    ['[x](file:///etc/passwd)', 'file:///etc/passwd'],
    ['[x](//evil.example/path)', '//evil.example/path'],
    ['[x](/relative/path)', '/relative/path'],
    ['[x](#anchor)', '#anchor'],
    ['![x](vbscript:x)', 'vbscript:x'],
  ])('reports the link in %s', (source, href) => {
    expect(markdownProblems(source)).toEqual([`links must be http, https or mailto (${href})`]);
  });

  it('reports a bad link hidden in a list or emphasis, and after an HTML block', () => {
    expect(
      markdownProblems('<div>\n[a](javascript:1)\n</div>\n\n- **[b](data:x)**\n  - [c](ftp://x)'),
    ).toEqual([
      'raw HTML is not allowed (<div>)',
      'links must be http, https or mailto (javascript:1)',
      'links must be http, https or mailto (data:x)',
      'links must be http, https or mailto (ftp://x)',
    ]);
  });

  it('reports at most ten problems', () => {
    const source = Array.from({ length: 15 }, (_, i) => `[x](/page-${i})`).join(' ');
    expect(markdownProblems(source)).toHaveLength(10);
  });
});
