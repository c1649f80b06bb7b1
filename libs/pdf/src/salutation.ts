import type { LetterAddressee } from './letter-document';

type SalutationSource = Pick<LetterAddressee, 'honorific' | 'name' | 'title' | 'salutation'>;

/**
 * How one addressee is greeted: their own `salutation` when set, else one made from what is
 * known: "Dear Secretary Yellen," (title + family name), "Dear Dr. Okafor," (a courtesy
 * honorific), "Your Excellency," or, failing all that, "Dear Janet Yellen,".
 */
export function salutationFor(addressee: SalutationSource): string {
  const own = addressee.salutation?.trim();
  if (own) return own;
  const greeting = greetingFor(addressee);
  return greeting.startsWith('Your ') ? `${greeting},` : `Dear ${greeting},`;
}

/** "Dear Minister Okafor-Lindqvist and Commissioner Šimić," for a letter to several people. */
export function salutationForAll(addressees: readonly SalutationSource[]): string {
  if (addressees.length === 1) return salutationFor(addressees[0]);
  const greetings = addressees.map(greetingFor);
  if (greetings.length === 0) return 'To whom it may concern,';
  const last = greetings.pop() ?? '';
  return `Dear ${greetings.join(', ')} and ${last},`;
}

// The words after "Dear" (or the whole greeting for an Excellency), without punctuation.
function greetingFor({ honorific, name, title }: SalutationSource): string {
  const fullName = name.trim().replace(/\s+/g, ' ');
  const family = familyName(fullName);
  const shortTitle = title ? titleForGreeting(title) : '';
  if (shortTitle) return `${shortTitle} ${family}`;
  const courtesy = honorific?.trim().replace(/\s+/g, ' ') ?? '';
  if (/excellenc/i.test(courtesy)) return 'Your Excellency';
  // "The Honorable", "The Right Honourable": styles for the address, never for the greeting.
  if (courtesy && !/^the\b/i.test(courtesy)) return `${courtesy} ${family}`;
  return fullName;
}

const SUFFIX = /^(?:jr|sr|ii|iii|iv|phd|md|esq)\.?$/i;

/**
 * The family name, as Western-order names put it last: "Janet Yellen" → "Yellen", with
 * lower-case particles kept ("Ursula von der Leyen" → "von der Leyen") and suffixes dropped
 * ("Martin Luther King Jr." → "King"). A one-word name is returned whole.
 */
export function familyName(fullName: string): string {
  const words = fullName.split(' ').filter((word) => word !== '');
  while (words.length > 1 && SUFFIX.test(words[words.length - 1])) words.pop();
  if (words.length > 0) words[words.length - 1] = words[words.length - 1].replace(/,$/, '');
  let start = words.length - 1;
  while (start > 1 && /^\p{Ll}/u.test(words[start - 1])) start--;
  return words.slice(Math.max(start, 0)).join(' ');
}

// "Commissioner for Human Rights" → "Commissioner", "Minister of Foreign Affairs" →
// "Minister": the office without its portfolio, as one greets the holder.
function titleForGreeting(title: string): string {
  const trimmed = title.trim().replace(/\s+/g, ' ');
  return trimmed.split(/\s+(?:for|of|on|to|at|in|and|&)\s+|\s*[,(–—]\s*/i)[0].trim();
}
