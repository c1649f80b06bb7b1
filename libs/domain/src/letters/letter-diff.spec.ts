import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderMarkdownText } from '@app/markdown';
import {
  diffLetters,
  textChange,
  withinCorrectionLimit,
  type DiffRun,
  type FieldDiff,
  type LetterContent,
} from './letter-diff';

const fixture = (
  JSON.parse(
    readFileSync(join(__dirname, '../../../../test/fixtures/letter-press-freedom.json'), 'utf8'),
  ) as { content: LetterContent }
).content;

const letter = (patch: Partial<LetterContent> = {}): LetterContent => ({
  title: 'Letter to the Secretary',
  date: '2026-03-02',
  addressees: [{ name: 'Jane Doe', title: 'Secretary', addressLines: ['1 Main St'] }],
  salutation: 'Dear Secretary Doe,',
  body: 'We urge you to act now.',
  closing: 'Sincerely,',
  ...patch,
});

const field = (diffs: FieldDiff[], name: string): FieldDiff => {
  const found = diffs.find((diff) => diff.field === name);
  if (!found) throw new Error(`no diff for ${name}`);
  return found;
};

/** A field that is not Markdown: read as written. */
const plain = (name: string, changed: boolean, runs: DiffRun[]): FieldDiff => ({
  field: name,
  changed,
  runs,
  sourceRuns: runs,
  formattingOnly: false,
});

const added = (text: string): DiffRun => ({ type: 'added', text });
const removed = (text: string): DiffRun => ({ type: 'removed', text });
const same = (text: string): DiffRun => ({ type: 'unchanged', text });

// The revision on one side is the runs without the other side's changes.
const side = (runs: DiffRun[], drop: DiffRun['type']): string =>
  runs
    .filter((run) => run.type !== drop)
    .map((run) => run.text)
    .join('');

describe('diffLetters', () => {
  it('lists the fields in reading order', () => {
    const to = letter({
      addressees: [...letter().addressees, { name: 'Ann Lee', addressLines: [] }],
    });
    expect(diffLetters(letter(), to).map((diff) => diff.field)).toEqual([
      'title',
      'date',
      'addressees[0]',
      'addressees[1]',
      'salutation',
      'body',
      'closing',
    ]);
  });

  it('lists the subject line and list heading in reading order when either side has them', () => {
    const to = letter({ subject: 'Re: detentions', listHeading: 'Signed,' });
    const diffs = diffLetters(letter(), to);
    expect(diffs.map((diff) => diff.field)).toEqual([
      'title',
      'date',
      'addressees[0]',
      'subject',
      'salutation',
      'body',
      'closing',
      'listHeading',
    ]);
    expect(field(diffs, 'subject').runs).toEqual([{ type: 'added', text: 'Re: detentions' }]);
    expect(field(diffs, 'listHeading').runs).toEqual([{ type: 'added', text: 'Signed,' }]);
    const back = diffLetters(to, { ...to, listHeading: undefined });
    expect(field(back, 'listHeading').runs).toEqual([{ type: 'removed', text: 'Signed,' }]);
    expect(field(back, 'subject').changed).toBe(false);
  });

  it('diffs words, keeping the spaces around them', () => {
    const diffs = diffLetters(
      letter(),
      letter({
        title: 'Open Letter to the Secretary',
        date: '2026-03-09',
        body: 'We urge you to act without delay.',
      }),
    );
    expect(field(diffs, 'title')).toEqual(
      plain('title', true, [added('Open '), same('Letter to the Secretary')]),
    );
    expect(field(diffs, 'date').runs).toEqual([same('2026-03-'), removed('02'), added('09')]);
    expect(field(diffs, 'body').runs).toEqual([
      same('We urge you to act '),
      removed('now'),
      added('without delay'),
      same('.'),
    ]);
    expect(field(diffs, 'closing')).toEqual(plain('closing', false, [same('Sincerely,')]));
  });

  it('reads changes separated only by spaces as one change, each side whole', () => {
    const from = letter({ body: 'Act without delay to protect them.' });
    const to = letter({ body: 'Act within thirty days to protect them.' });
    const runs = field(diffLetters(from, to), 'body').runs;
    expect(runs).toEqual([
      same('Act '),
      removed('without delay'),
      added('within thirty days'),
      same(' to protect them.'),
    ]);
    expect(side(runs, 'added')).toBe(from.body);
    expect(side(runs, 'removed')).toBe(to.body);
  });

  it('shows an added blank line and a changed word on the next line, as written', () => {
    const diffs = diffLetters(
      letter({ body: 'First point.\nSecond point.' }),
      letter({ body: 'First point.\n\nSecond claim.' }),
    );
    expect(field(diffs, 'body').sourceRuns).toEqual([
      same('First point.\n'),
      added('\n'),
      same('Second '),
      removed('point'),
      added('claim'),
      same('.'),
    ]);
  });

  it('compares an addressee as its address block', () => {
    const from = letter({
      addressees: [
        {
          honorific: 'The Honorable',
          name: 'Jane Doe',
          title: 'Secretary',
          organization: '',
          addressLines: ['1 Main St', ''],
        },
      ],
    });
    const to = letter({
      addressees: [
        {
          name: 'Jane Doe',
          title: 'Secretary of State',
          addressLines: ['1 Main St'],
        },
      ],
    });
    expect(field(diffLetters(from, to), 'addressees[0]').runs).toEqual([
      removed('The Honorable '),
      same('Jane Doe\nSecretary'),
      added(' of State'),
      same('\n1 Main St'),
    ]);
  });

  it('diffs an addressee added or removed against nothing', () => {
    const second = {
      honorific: 'Dr.',
      name: 'Ann Lee',
      organization: 'Ministry of Justice',
      addressLines: ['PO Box 9'],
    };
    const one = letter();
    const two = letter({ addressees: [...one.addressees, second] });

    const addedDiffs = diffLetters(one, two);
    expect(field(addedDiffs, 'addressees[0]').changed).toBe(false);
    expect(field(addedDiffs, 'addressees[1]')).toEqual(
      plain('addressees[1]', true, [added('Dr. Ann Lee\nMinistry of Justice\nPO Box 9')]),
    );

    expect(field(diffLetters(two, one), 'addressees[1]')).toEqual(
      plain('addressees[1]', true, [removed('Dr. Ann Lee\nMinistry of Justice\nPO Box 9')]),
    );
  });

  it('reports identical content as unchanged, one run per non-empty field', () => {
    const diffs = diffLetters(fixture, structuredClone(fixture));
    expect(diffs).toHaveLength(7);
    for (const diff of diffs) {
      expect(diff.changed).toBe(false);
      expect(diff.formattingOnly).toBe(false);
      expect(diff.runs).toHaveLength(1);
      expect(diff.runs[0].type).toBe('unchanged');
    }
    expect(field(diffs, 'body').sourceRuns).toEqual([same(fixture.body)]);
    expect(field(diffs, 'body').runs).toEqual([same(renderMarkdownText(fixture.body))]);
    expect(field(diffs, 'addressees[1]').runs).toEqual([
      same(
        'Her Excellency Zoë Šimić\nCommissioner for Human Rights\nCouncil of the Northern Provinces\n' +
          'Palais de la Concorde, 4 rue des Tilleuls\nF-67000 Strasbourg',
      ),
    ]);
  });

  it('gives an empty field no runs', () => {
    const empty = letter({ salutation: '', addressees: [] });
    const diffs = diffLetters(empty, empty);
    expect(field(diffs, 'salutation')).toEqual(plain('salutation', false, []));
    expect(diffs.map((diff) => diff.field)).not.toContain('addressees[0]');
  });

  it('diffs Cyrillic, Arabic, accented and Chinese text by whole words', () => {
    const cases: Array<[string, string, DiffRun[]]> = [
      [
        'Мы призываем вас действовать.',
        'Мы просим вас действовать.',
        [same('Мы '), removed('призываем'), added('просим'), same(' вас действовать.')],
      ],
      [
        'نحن ندعو الحكومة إلى التحرك',
        'نحن ندعو البرلمان إلى التحرك',
        [same('نحن ندعو '), removed('الحكومة'), added('البرلمان'), same(' إلى التحرك')],
      ],
      [
        'Zoë Šimić, Commissaire naïve',
        'Zoë Šimić, Commissaire déléguée',
        [same('Zoë Šimić, Commissaire '), removed('naïve'), added('déléguée')],
      ],
      // A decomposed accent (e + U+0301) stays part of its word.
      [
        'Cafe\u0301 ouvert',
        'Cafe\u0301s ouvert',
        [removed('Cafe\u0301'), added('Cafe\u0301s'), same(' ouvert')],
      ],
      // Han has no spaces between words, so each character is a word.
      [
        '我们呼吁政府',
        '我们要求政府',
        [same('我们'), removed('呼吁'), added('要求'), same('政府')],
      ],
    ];
    for (const [from, to, runs] of cases) {
      expect(field(diffLetters(letter({ body: from }), letter({ body: to })), 'body').runs).toEqual(
        runs,
      );
    }
  });

  it('shows a wholesale rewrite of a long field as one removal and one addition', () => {
    const words = (prefix: string) =>
      Array.from({ length: 600 }, (_, i) => `${prefix}${i}`).join(' ');
    const diffs = diffLetters(letter({ body: words('old') }), letter({ body: words('new') }));
    expect(field(diffs, 'body').runs).toEqual([removed(words('old')), added(words('new'))]);
  });

  it('rebuilds both revisions of the fixture from the runs', () => {
    const to: LetterContent = {
      ...fixture,
      title: 'Protect journalists and the free flow of news',
      body: fixture.body
        .replace('41 arbitrary', '43 arbitrary')
        .replace('\n\nWe ask', '\n- attacks on Рустам Алиев and زينب حسن.\n\nWe ask')
        .replace('3. meet', '3. meet **urgently**'),
      addressees: fixture.addressees.slice(1),
    };
    const diffs = diffLetters(fixture, to);
    expect(diffs.filter((diff) => diff.changed).map((diff) => diff.field)).toEqual([
      'title',
      'addressees[0]',
      'addressees[1]',
      'body',
    ]);
    for (const diff of diffs) {
      expect(diff.changed).toBe(side(diff.runs, 'added') !== side(diff.runs, 'removed'));
    }
    expect(side(field(diffs, 'title').runs, 'removed')).toBe(to.title);
    const body = field(diffs, 'body');
    expect(side(body.sourceRuns, 'added')).toBe(fixture.body);
    expect(side(body.sourceRuns, 'removed')).toBe(to.body);
    expect(side(body.runs, 'added')).toBe(renderMarkdownText(fixture.body));
    expect(side(body.runs, 'removed')).toBe(renderMarkdownText(to.body));
  });

  it('compares the body as read: Markdown syntax never shows in the runs', () => {
    const diffs = diffLetters(
      letter({ body: '_Our requests_\n\nWe ask you to [act](https://example.org/act).' }),
      letter({ body: '**Our requests:**\n\nWe ask you to [act](https://example.org/act).' }),
    );
    const body = field(diffs, 'body');
    expect(body.changed).toBe(true);
    expect(body.formattingOnly).toBe(false);
    expect(body.runs.filter((run) => run.type !== 'unchanged')).toEqual([added(':')]);
    for (const run of body.runs) expect(run.text).not.toMatch(/[_*[\]]/);
    expect(side(body.runs, 'added')).toBe(
      'Our requests\n\nWe ask you to act <https://example.org/act>.',
    );
    // The Markdown is still there for whoever edits it.
    expect(side(body.sourceRuns, 'added')).toBe(
      '_Our requests_\n\nWe ask you to [act](https://example.org/act).',
    );
  });

  it('flags a change of formatting alone', () => {
    const diffs = diffLetters(
      letter({ body: 'We urge you to act **now**.\n\n- one\n- two' }),
      letter({ body: 'We urge you to act _now_.\n\n* one\n* two' }),
    );
    const body = field(diffs, 'body');
    expect(body).toMatchObject({ changed: true, formattingOnly: true });
    expect(body.runs).toEqual([same('We urge you to act now.\n\n• one\n• two')]);
    expect(body.sourceRuns.some((run) => run.type !== 'unchanged')).toBe(true);
    expect(textChange(diffs)).toMatchObject({ changedWords: 0, share: 0 });
  });
});

describe('textChange', () => {
  // 'We urge you to act now.' is 6 words and a full stop: 7.
  const words = (n: number) => Array.from({ length: n }, (_, i) => `w${i}`).join(' ');
  const bare = (body: string): LetterContent => ({
    title: '',
    date: '',
    addressees: [],
    salutation: '',
    body,
    closing: '',
  });

  it('counts words and punctuation of every field, as read, over the older revision', () => {
    const from = letter();
    const change = textChange(diffLetters(from, from));
    // Title 4, date 2026 - 03 - 02 = 5, addressee Jane Doe / Secretary / 1 Main St = 6,
    // salutation Dear Secretary Doe , = 4, body 7, closing Sincerely , = 2.
    expect(change).toEqual({ words: 28, changedWords: 0, share: 0 });
  });

  it('counts a replaced word twice (removed and added) and leaves Markdown syntax out', () => {
    const from = bare(`**${words(98)}** end.`);
    const to = bare(`_${words(98)}_ finish.`);
    // 98 words + "end" + "." = 100 words; "end" removed, "finish" added.
    expect(textChange(diffLetters(from, to))).toEqual({ words: 100, changedWords: 2, share: 0.02 });
  });

  it('allows a correction up to 2 % of the words, and not one word more', () => {
    const from = bare(`${words(99)} end`);
    expect(withinCorrectionLimit(textChange(diffLetters(from, bare(`${words(99)} stop`))))).toBe(
      true,
    );
    expect(
      withinCorrectionLimit(textChange(diffLetters(from, bare(`${words(99)} stop now`)))),
    ).toBe(false);
    expect(
      withinCorrectionLimit(
        textChange(diffLetters(bare(`${words(49)} end`), bare(`${words(49)} x`))),
      ),
    ).toBe(false);
  });

  it('counts each CJK character and each changed punctuation mark', () => {
    expect(textChange(diffLetters(bare('我们呼吁政府'), bare('我们要求政府')))).toEqual({
      words: 6,
      changedWords: 4,
      share: 4 / 6,
    });
    expect(textChange(diffLetters(bare('Act now.'), bare('Act now!')))).toMatchObject({
      words: 3,
      changedWords: 2,
    });
  });

  it('takes an empty older text as all change', () => {
    expect(textChange(diffLetters(bare(''), bare('New text.')))).toEqual({
      words: 0,
      changedWords: 3,
      share: 3,
    });
    expect(withinCorrectionLimit(textChange(diffLetters(bare(''), bare(''))))).toBe(true);
  });
});
