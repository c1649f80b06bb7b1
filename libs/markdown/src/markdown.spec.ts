import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { markdownBlocks, markdownProblems, renderMarkdownHtml, type MarkdownBlock } from '.';

const fixture = JSON.parse(
  readFileSync(join(__dirname, '../../../test/fixtures/letter-press-freedom.json'), 'utf8'),
) as { content: { body: string } };

// Text is escaped, so every `<` left in the output opens a tag the renderer wrote itself.
const tagsOf = (html: string): string[] => html.match(/<[^>]*>/g) ?? [];
const ALLOWED_TAG =
  /^<(?:\/?(?:p|strong|em|ul|ol|li|h2|h3|blockquote)|br|ol start="\d+"|\/a|a href="(?:https?:\/\/|mailto:)[^"]*" rel="noopener noreferrer nofollow")>$/;

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

  it('renders section headings (## and ###) and block quotes', () => {
    expect(
      renderMarkdownHtml(
        '## Our requests\nWe ask:\n\n### First, *release*\n\n> The press is free.\n> - even **here**',
      ),
    ).toBe(
      '<h2>Our requests</h2>\n<p>We ask:</p>\n<h3>First, <em>release</em></h3>\n' +
        '<blockquote>\n<p>The press is free.</p>\n<ul>\n<li>even <strong>here</strong></li>\n</ul>\n</blockquote>\n',
    );
  });

  it('renders everything else as the text that was typed', () => {
    const html = renderMarkdownHtml(
      '# Heading\n\n#### Four\n\nUnder\n=====\n\n---\n\n`code` ~~struck~~\n\n```\nfence\n```\n\n    indented\n\n' +
        '| a | b |\n|---|---|\n| 1 | 2 |\n\n[ref]: https://example.org',
    );
    for (const tag of tagsOf(html)) expect(tag).toMatch(/^<\/?p>$/);
    for (const text of ['# Heading', '#### Four', 'Under\n=====', '---', '`code`', '~~struck~~']) {
      expect(html).toContain(text);
    }
    for (const text of ['| a | b |', '[ref]: https://example.org']) expect(html).toContain(text);
  });

  it('keeps a refused heading level inside the paragraph it interrupts, as before', () => {
    expect(renderMarkdownHtml('Dear all,\n# not a heading\n#### nor this')).toBe(
      '<p>Dear all,\n# not a heading\n#### nor this</p>\n',
    );
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

  it('gives section headings their level and quotes their own blocks', () => {
    expect(
      markdownBlocks('## Our *requests*\n\n> Quoted **words**\n>\n> 1. one\n\n### Next'),
    ).toEqual([
      {
        kind: 'heading',
        level: 2,
        inlines: [plain('Our '), { text: 'requests', bold: false, italic: true }],
      },
      {
        kind: 'quote',
        blocks: [
          {
            kind: 'paragraph',
            inlines: [plain('Quoted '), { text: 'words', bold: true, italic: false }],
          },
          {
            kind: 'list',
            ordered: true,
            start: 1,
            items: [[{ kind: 'paragraph', inlines: [plain('one')] }]],
          },
        ],
      },
      { kind: 'heading', level: 3, inlines: [plain('Next')] },
    ]);
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
  const messages = (source: string): string[] => markdownProblems(source).map((p) => p.message);

  it('finds nothing wrong with the fixture letter', () => {
    expect(markdownProblems(fixture.content.body)).toEqual([]);
  });

  it('finds nothing wrong with the supported constructs', () => {
    const source = [
      '## Our requests',
      '',
      'We **urge** you, *Minister*, to read [the report](https://x.org) <mailto:a@b.org>:',
      '',
      '> The press is free.',
      '>',
      '> - quoted item',
      '',
      '### What we ask',
      '',
      '1. first',
      '   - nested once',
      '2. second \\# literal',
    ].join('\n');
    expect(markdownProblems(source)).toEqual([]);
  });

  it('reports raw HTML by its first tag, once per tag name, with its line', () => {
    expect(
      messages('<script>alert(1)</script>\n\nhi <b>x</b> <b>y</b>\n<img src=x onerror=alert(1)>'),
    ).toEqual([
      'line 1: raw HTML is not allowed (<script>)',
      'line 3: raw HTML is not allowed (<b>)',
      'line 4: raw HTML is not allowed (<img src=x onerror=alert(1)>)',
    ]);
  });

  it('truncates long tags to 40 characters, ellipsis included', () => {
    expect(messages(`<iframe src="https://evil.example/${'a'.repeat(50)}"></iframe>`)).toEqual([
      'line 1: raw HTML is not allowed (<iframe src="https://evil.example/aaaaa…)',
    ]);
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
  ])('reports the link in %s', (source, href) => {
    expect(markdownProblems(source)).toEqual([
      {
        line: 1,
        construct: 'link',
        message: `line 1: links must be http, https or mailto (${href})`,
      },
    ]);
  });

  it('reports a bad link hidden in a list, a quote, emphasis or a heading, and after an HTML block', () => {
    expect(
      messages(
        '<div>\n[a](javascript:1)\n</div>\n\n- **[b](data:x)**\n  - [c](ftp://x)\n\n> [d](/q)\n\n## [e](#h)',
      ),
    ).toEqual([
      'line 1: raw HTML is not allowed (<div>)',
      'line 2: links must be http, https or mailto (javascript:1)',
      'line 5: links must be http, https or mailto (data:x)',
      'line 6: links must be http, https or mailto (ftp://x)',
      'line 8: links must be http, https or mailto (/q)',
      'line 10: links must be http, https or mailto (#h)',
    ]);
  });

  // Each construct letters do not use, after a paragraph of two lines and a blank one, so the
  // reported line (6, or the line inside the construct that makes it one) proves the position
  // is taken from the parse.
  const lineInside: Record<string, number> = {
    'list nested more than one level': 2,
    'quote in a quote': 1,
    'quote in a list': 2,
  };
  it.each([
    [
      '# Title',
      'level-1 heading',
      'level-1 headings (#) are not allowed; section headings start with ## or ###',
    ],
    [
      '#### Detail',
      'level-4 heading',
      'level-4 headings (####) are not allowed; section headings start with ## or ###',
    ],
    [
      '###### Detail',
      'level-6 heading',
      'level-6 headings (######) are not allowed; section headings start with ## or ###',
    ],
    [
      'Title\n=====',
      'underlined heading',
      'underlined headings are not allowed; section headings start with ## or ### at the start of the line',
    ],
    [
      'Title\n-----',
      'underlined heading',
      'underlined headings are not allowed; section headings start with ## or ### at the start of the line',
    ],
    ['| a | b |\n|---|---|\n| 1 | 2 |', 'table', 'tables are not allowed'],
    ['![chart](https://example.org/c.png)', 'image', 'images are not allowed'],
    ['Use `code` here', 'code', 'code (`…`) is not allowed'],
    ['```\nfenced\n```', 'code block', 'code blocks are not allowed'],
    ['~~~\nfenced\n~~~', 'code block', 'code blocks are not allowed'],
    [
      '    indented by four',
      'code block',
      'a line indented by four or more spaces is a code block, which is not allowed; remove the indentation',
    ],
    ['***', 'horizontal rule', 'horizontal rules are not allowed'],
    ['_ _ _', 'horizontal rule', 'horizontal rules are not allowed'],
    ['<div>block</div>', 'raw HTML', 'raw HTML is not allowed (<div>)'],
    ['a <span>b</span>', 'raw HTML', 'raw HTML is not allowed (<span>)'],
    ['<!-- comment -->', 'raw HTML', 'raw HTML is not allowed (<!-- comment -->)'],
    ['~~struck~~ out', 'strikethrough', 'strikethrough (~~) is not allowed'],
    [
      '[report]: https://example.org/r',
      'reference definition',
      'reference-style link definitions are not allowed; put the address in the link: [words](https://…)',
    ],
    ['[^1]: A footnote.', 'footnote', 'footnotes are not allowed'],
    [
      '- one\n  - two\n    - three',
      'list nested more than one level',
      'lists may nest only one level deep',
    ],
    ['> outer\n> > inner', 'quote in a quote', 'quotes inside quotes are not allowed'],
    ['- item\n\n  > quoted', 'quote in a list', 'quotes inside list items are not allowed'],
    ['- ## heading', 'heading in a list', 'headings inside list items are not allowed'],
    ['> ## heading', 'heading in a quote', 'headings inside quotes are not allowed'],
  ])('refuses %j at its line, naming the construct', (construct, name, problem) => {
    const source = ['Dear Minister,', '', 'We write to you', 'about this:', '', construct].join(
      '\n',
    );
    const line = 6 + (lineInside[name] ?? 0);
    expect(markdownProblems(`${source}\n\nSincerely`)[0]).toEqual({
      line,
      construct: name,
      message: `line ${line}: ${problem}`,
    });
  });

  it('finds the line of an inline construct inside a paragraph of several lines', () => {
    expect(
      messages(
        'Dear all,\n\nWe write\nto you with `code`\nand <b>HTML</b>\nand ![x](https://x.org/i.png)\nand [y](/p).',
      ),
    ).toEqual([
      'line 4: code (`…`) is not allowed',
      'line 5: raw HTML is not allowed (<b>)',
      'line 6: images are not allowed',
      'line 7: links must be http, https or mailto (/p)',
    ]);
  });

  it('reports at most ten problems', () => {
    const source = Array.from({ length: 15 }, (_, i) => `[x](/page-${i})`).join('\n');
    expect(markdownProblems(source)).toHaveLength(10);
  });
});

describe('any text', () => {
  const pieces = [
    '#',
    '## ',
    '> ',
    '- ',
    '1. ',
    '    ',
    '`',
    '~~',
    '**',
    '_',
    '[a](',
    ')',
    '![',
    ']',
  ];
  pieces.push('<b>', '\n', '\n\n', '|', '---', '[^1]: ', 'x', ' ', '===', '&amp;', '\\', '[r]: /x');

  it('is checked and rendered without throwing, problems on lines of the body', () => {
    let seed = 7;
    const next = (n: number): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
    for (let i = 0; i < 1500; i++) {
      let source = '';
      for (let j = next(40); j > 0; j--) source += pieces[next(pieces.length)];
      const lines = source.split('\n').length;
      for (const problem of markdownProblems(source)) {
        expect(problem.line).toBeGreaterThanOrEqual(1);
        expect(problem.line).toBeLessThanOrEqual(lines);
      }
      expect(() => [markdownBlocks(source), renderMarkdownHtml(source)]).not.toThrow();
    }
  });
});
