import type { LetterSignatory } from './letter-document';
import { sortSignatories } from './sort-signatories';

const at = (minute: number): string => new Date(Date.UTC(2026, 0, 1, 12, minute)).toISOString();
const names = (list: LetterSignatory[]): string[] => list.map((s) => s.displayName);

describe('sortSignatories', () => {
  const signatories: LetterSignatory[] = [
    { displayName: 'committee for Open Archives', signedAt: at(5), position: 2 },
    { displayName: 'Čeští novináři bez hranic', signedAt: at(1), position: 3 },
    { displayName: 'Center for Media Freedom', signedAt: at(3) },
    { displayName: 'Ñuñoa Press', signedAt: at(2), position: 1 },
    { displayName: 'Nordic Press Forum', signedAt: at(4) },
  ];

  it('orders alphabetically ignoring case and diacritics', () => {
    expect(names(sortSignatories(signatories, 'alphabetical'))).toEqual([
      'Center for Media Freedom',
      'Čeští novináři bez hranic',
      'committee for Open Archives',
      'Nordic Press Forum',
      'Ñuñoa Press',
    ]);
  });

  it('orders by sign-on time', () => {
    expect(names(sortSignatories(signatories, 'signed_at'))).toEqual([
      'Čeští novináři bez hranic',
      'Ñuñoa Press',
      'Center for Media Freedom',
      'Nordic Press Forum',
      'committee for Open Archives',
    ]);
  });

  it('orders by position, unplaced signatories last by sign-on time', () => {
    expect(names(sortSignatories(signatories, 'manual'))).toEqual([
      'Ñuñoa Press',
      'committee for Open Archives',
      'Čeští novináři bez hranic',
      'Center for Media Freedom',
      'Nordic Press Forum',
    ]);
  });

  it('sorts numbers in names by value', () => {
    const list = ['Group 10', 'Group 9', 'Group 100'].map((displayName) => ({
      displayName,
      signedAt: at(0),
    }));
    expect(names(sortSignatories(list, 'alphabetical'))).toEqual([
      'Group 9',
      'Group 10',
      'Group 100',
    ]);
  });

  it('keeps the given order for names that compare equal, and leaves the input alone', () => {
    const list = [
      { displayName: 'Resume Group', signedAt: at(0) },
      { displayName: 'Résumé group', signedAt: at(0) },
    ];
    const copy = [...list];
    expect(names(sortSignatories(list, 'alphabetical'))).toEqual(['Resume Group', 'Résumé group']);
    expect(names(sortSignatories([...list].reverse(), 'alphabetical'))).toEqual([
      'Résumé group',
      'Resume Group',
    ]);
    expect(list).toEqual(copy);
  });
});
