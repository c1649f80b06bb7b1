import {
  choiceFrom,
  columnOptions,
  columnsOf,
  defaultChoice,
  EMPTY_CHOICE,
  mappingOf,
  optionValue,
  sameChoice,
  type ImportPreview,
} from './import-mapping';

const FORMS = [
  'Timestamp',
  'Email Address',
  'Organization name (as it should appear on the letter)',
  'Your full name',
  'Country',
];
const ACTION_NETWORK = ['uuid', 'first_name', 'last_name', 'email', 'Organization', 'Country'];

const preview = (over: Partial<ImportPreview>): ImportPreview => ({
  format: 'csv',
  headers: FORMS,
  mapping: null,
  suggestedMapping: null,
  suggestedPreset: null,
  lastMapping: null,
  rows: 0,
  created: 0,
  updated: 0,
  skipped: 0,
  errors: [],
  sample: [],
  ...over,
});

describe('the import mapping', () => {
  it('spells a mapping as the file does (case, accents, punctuation aside), dropping what it lacks', () => {
    expect(
      choiceFrom(
        {
          name: ['organization name as it should appear on the letter'],
          email: ['EMAIL ADDRESS'],
          website: ['Website'],
        },
        FORMS,
      ),
    ).toEqual({
      ...EMPTY_CHOICE,
      name: ['Organization name (as it should appear on the letter)'],
      email: ['Email Address'],
    });
    expect(choiceFrom(null, FORMS)).toEqual(EMPTY_CHOICE);
  });

  it('starts from the last mapping when it fits the file, else the one the preview applied', () => {
    const last = { name: ['Organization'], contact_name: ['first_name', 'last_name'] };
    const applied = { name: ['Organization name (as it should appear on the letter)'] };
    expect(
      defaultChoice(preview({ headers: ACTION_NETWORK, lastMapping: last })).contact_name,
    ).toEqual(['first_name', 'last_name']);
    // A Google Forms sheet after an Action Network import: the last mapping does not fit.
    expect(defaultChoice(preview({ lastMapping: last, mapping: applied })).name).toEqual(
      applied.name,
    );
    expect(defaultChoice(preview({ suggestedMapping: applied })).name).toEqual(applied.name);
    expect(defaultChoice(preview({}))).toEqual(EMPTY_CHOICE);
  });

  it('sends the mapped fields only, and compares choices by what they send', () => {
    const choice = { ...EMPTY_CHOICE, name: ['Organization'], country: ['Country'] };
    expect(mappingOf(choice)).toEqual({ name: ['Organization'], country: ['Country'] });
    expect(sameChoice(choice, { ...choice })).toBe(true);
    expect(sameChoice(choice, { ...choice, country: [] })).toBe(false);
  });

  it('offers every column, and joined columns as one option', () => {
    expect(columnOptions(['a', 'b'], ['a']).map((o) => o.label)).toEqual(['a', 'b']);
    const joined = columnOptions(ACTION_NETWORK, ['first_name', 'last_name']);
    expect(joined[0]).toEqual({
      value: optionValue(['first_name', 'last_name']),
      label: 'first_name + last_name',
    });
    expect(columnsOf(joined[0].value)).toEqual(['first_name', 'last_name']);
    expect(columnsOf(optionValue([]))).toEqual([]);
  });
});
