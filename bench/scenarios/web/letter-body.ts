// A long letter body for the web scenario: about 3,000 words of the Markdown letters use
// (## and ### headings, a quote, bulleted and numbered lists, bold, italic, a link), the
// same text on every run (a seeded generator, no Math.random), so runs stay comparable.

/** The start of the body: what an editor that draws only its first screen shows. */
export const START_PHRASE = 'We, the undersigned organizations, write about a long record';
/** The end of the body: what the editor and the preview show once the whole draft is loaded. */
export const END_PHRASE = 'We remain at your disposal for a meeting at the earliest date.';

const SECTIONS = [
  'What our members have documented',
  'Detention for reporting',
  'Transnational repression',
  'Blocking and surveillance',
  'The courts',
  'What other governments have done',
  'Our requests',
  'Next steps',
];
const SUBSECTIONS = ['In the capital', 'In the provinces', 'Abroad', 'Online'];
const SUBJECTS = [
  'Our member organizations',
  'Independent reporters in the northern provinces',
  'Exiled media workers',
  'Local radio stations',
  'Press freedom monitors',
  'Editors of regional newspapers',
  'Freelance photographers',
  'Investigative teams',
  'Families of detained journalists',
  'Lawyers who defend reporters',
];
const VERBS = [
  'have documented',
  'continue to report',
  'have been denied any remedy for',
  'still face',
  'were subjected to',
  'have recorded',
  'describe in detail',
  'have repeatedly raised',
];
const OBJECTS = [
  'arbitrary detention for their work',
  'the repeated blocking of independent news sites',
  'surveillance of their sources and colleagues',
  'travel bans imposed without judicial review',
  'prosecution under vague security laws',
  'harassment at border crossings and airports',
  'the seizure of equipment, notebooks and phones',
  'pressure on the advertisers and printers they depend on',
  'threats against relatives who stayed behind',
  'licence withdrawals announced without notice',
];
const TAILS = [
  'since early 2023',
  'in at least nine provinces',
  'despite public commitments to the contrary',
  'with no effective remedy in sight',
  'according to court records we have reviewed',
  'as our joint report sets out in detail',
  'in the months before every election',
  '',
];
const QUOTE =
  '> A free press is the first safeguard of every other freedom. When reporters are jailed, ' +
  'the public loses its eyes and ears, and every other abuse grows easier to hide.';

/** Mulberry32: a small seeded generator, the same numbers on every machine. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Words as a reader counts them: Markdown marks aside. */
export function wordCount(markdown: string): number {
  return markdown
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^(#{2,3}|>|-|\d+\.)\s/gm, '')
    .split(/\s+/)
    .filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/**
 * A letter body of at least `words` words, ending in END_PHRASE with no newline after it
 * (so text typed at its end continues the last paragraph).
 */
export function longLetterBody(words = 3000, seed = 8): string {
  const random = seeded(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const sentence = (n: number) => {
    const object = pick(OBJECTS);
    const marked = n % 7 === 3 ? `**${object}**` : n % 7 === 5 ? `_${object}_` : object;
    const tail = pick(TAILS);
    return `${pick(SUBJECTS)} ${pick(VERBS)} ${marked}${tail ? ` ${tail}` : ''}.`;
  };
  const paragraph = () =>
    Array.from({ length: 4 + Math.floor(random() * 3) }, (_, i) => sentence(i)).join(' ');
  const bullets = () =>
    Array.from({ length: 3 + Math.floor(random() * 3) }, () => `- ${pick(OBJECTS)};`).join('\n');
  const numbered = () =>
    Array.from(
      { length: 3 + Math.floor(random() * 2) },
      (_, i) => `${i + 1}. ${pick(VERBS).replace(/^have |^were |^still /, '')} ${pick(OBJECTS)};`,
    ).join('\n');

  const blocks = [
    `${START_PHRASE} of abuses against journalists, and to urge you to act **without delay**. ${paragraph()}`,
  ];
  const closing = `The evidence is collected in our [joint report](https://example.org/report). ${END_PHRASE}`;
  const total = () => wordCount([...blocks, closing].join('\n\n'));
  for (let section = 0; total() < words; section++) {
    blocks.push(`## ${SECTIONS[section % SECTIONS.length]}`, paragraph(), paragraph());
    if (section === 1) blocks.push(QUOTE);
    blocks.push(section % 2 ? numbered() : bullets(), paragraph());
    if (section % 3 === 2) {
      blocks.push(`### ${SUBSECTIONS[((section / 3) % SUBSECTIONS.length) | 0]}`, paragraph());
    }
  }
  blocks.push(closing);
  return blocks.join('\n\n');
}
