import { familyName, salutationFor, salutationForAll } from './salutation';

describe('salutationFor', () => {
  it('greets by title and family name', () => {
    expect(salutationFor({ title: 'Secretary', name: 'Janet Yellen' })).toBe(
      'Dear Secretary Yellen,',
    );
  });

  it('keeps the office and drops its portfolio', () => {
    expect(
      salutationFor({ title: 'Minister of Foreign Affairs', name: 'Mariana Okafor-Lindqvist' }),
    ).toBe('Dear Minister Okafor-Lindqvist,');
    expect(salutationFor({ title: 'Commissioner for Human Rights', name: 'Zoë Šimić' })).toBe(
      'Dear Commissioner Šimić,',
    );
  });

  it('prefers the title to a style of address such as "The Honorable"', () => {
    expect(
      salutationFor({ honorific: 'The Honorable', title: 'Secretary', name: 'Janet Yellen' }),
    ).toBe('Dear Secretary Yellen,');
  });

  it('uses a courtesy honorific when there is no title', () => {
    expect(salutationFor({ honorific: 'Dr.', name: 'Amina Okafor' })).toBe('Dear Dr. Okafor,');
  });

  it('greets an Excellency without a title as such', () => {
    expect(salutationFor({ honorific: 'Her Excellency', name: 'Zoë Šimić' })).toBe(
      'Your Excellency,',
    );
  });

  it('falls back to the full name', () => {
    expect(salutationFor({ honorific: 'The Honorable', name: 'Janet Yellen' })).toBe(
      'Dear Janet Yellen,',
    );
    expect(salutationFor({ name: '  Janet   Yellen ' })).toBe('Dear Janet Yellen,');
  });

  it("uses the addressee's own salutation when there is one", () => {
    expect(
      salutationFor({
        title: 'Secretary',
        name: 'Janet Yellen',
        salutation: ' Dear Madam Secretary, ',
      }),
    ).toBe('Dear Madam Secretary,');
    expect(salutationFor({ title: 'Secretary', name: 'Janet Yellen', salutation: '  ' })).toBe(
      'Dear Secretary Yellen,',
    );
  });
});

describe('salutationForAll', () => {
  it('joins the greetings of several addressees', () => {
    expect(
      salutationForAll([
        { title: 'Minister', name: 'Mariana Okafor-Lindqvist' },
        { title: 'Commissioner for Human Rights', name: 'Zoë Šimić' },
      ]),
    ).toBe('Dear Minister Okafor-Lindqvist and Commissioner Šimić,');
    expect(
      salutationForAll([
        { title: 'Minister', name: 'A B' },
        { title: 'Senator', name: 'C D' },
        { honorific: 'Dr.', name: 'E F' },
      ]),
    ).toBe('Dear Minister B, Senator D and Dr. F,');
  });

  it('is the single greeting for one addressee', () => {
    expect(salutationForAll([{ title: 'Secretary', name: 'Janet Yellen' }])).toBe(
      'Dear Secretary Yellen,',
    );
  });
});

describe('familyName', () => {
  it.each([
    ['Janet Yellen', 'Yellen'],
    ['Ursula von der Leyen', 'von der Leyen'],
    ['Martin Luther King Jr.', 'King'],
    ['Mariana Okafor-Lindqvist', 'Okafor-Lindqvist'],
    ['Madonna', 'Madonna'],
    ['王毅', '王毅'],
  ])('of %s is %s', (name, family) => {
    expect(familyName(name)).toBe(family);
  });
});
