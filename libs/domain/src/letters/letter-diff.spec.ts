import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { diffLetters, type DiffRun, type FieldDiff, type LetterContent } from './letter-diff';

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
    expect(field(diffs, 'title')).toEqual({
      field: 'title',
      changed: true,
      runs: [added('Open '), same('Letter to the Secretary')],
    });
    expect(field(diffs, 'date').runs).toEqual([same('2026-03-'), removed('02'), added('09')]);
    expect(field(diffs, 'body').runs).toEqual([
      same('We urge you to act '),
      removed('now'),
      added('without delay'),
      same('.'),
    ]);
    expect(field(diffs, 'closing')).toEqual({
      field: 'closing',
      changed: false,
      runs: [same('Sincerely,')],
    });
  });

  it('shows an added blank line and a changed word on the next line', () => {
    const diffs = diffLetters(
      letter({ body: 'First point.\nSecond point.' }),
      letter({ body: 'First point.\n\nSecond claim.' }),
    );
    expect(field(diffs, 'body').runs).toEqual([
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
    expect(field(addedDiffs, 'addressees[1]')).toEqual({
      field: 'addressees[1]',
      changed: true,
      runs: [added('Dr. Ann Lee\nMinistry of Justice\nPO Box 9')],
    });

    expect(field(diffLetters(two, one), 'addressees[1]')).toEqual({
      field: 'addressees[1]',
      changed: true,
      runs: [removed('Dr. Ann Lee\nMinistry of Justice\nPO Box 9')],
    });
  });

  it('reports identical content as unchanged, one run per non-empty field', () => {
    const diffs = diffLetters(fixture, structuredClone(fixture));
    expect(diffs).toHaveLength(7);
    for (const diff of diffs) {
      expect(diff.changed).toBe(false);
      expect(diff.runs).toHaveLength(1);
      expect(diff.runs[0].type).toBe('unchanged');
    }
    expect(field(diffs, 'body').runs).toEqual([same(fixture.body)]);
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
    expect(field(diffs, 'salutation')).toEqual({ field: 'salutation', changed: false, runs: [] });
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
    expect(side(body.runs, 'added')).toBe(fixture.body);
    expect(side(body.runs, 'removed')).toBe(to.body);
  });
});
