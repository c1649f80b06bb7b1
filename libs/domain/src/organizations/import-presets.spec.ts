import { foldHeader, parseMapping } from './import-mapping';
import { presetMapping, importPreset, suggestMapping } from './import-presets';

const ACTION_NETWORK =
  'uuid,first_name,last_name,email,zip_code,can2_user_address,can2_user_city,can2_county,can2_state_abbreviated,can2_phone,can2_user_tags,can2_subscription_date,Organization,Title,Country'.split(
    ',',
  );
const GOOGLE_FORMS = [
  'Timestamp',
  'Email Address',
  'Organization name (as it should appear on the letter)',
  'Your full name',
  'Your title',
  'Country',
  'I am authorized to sign on behalf of this organization',
  'Comments',
];

describe('suggestMapping', () => {
  it('matches headers to fields case, accents and punctuation aside', () => {
    expect(foldHeader('  Organisátion — NAME ')).toBe('organisation name');
    expect(suggestMapping(['NAME', 'É-mail', 'Contact Name', 'pays', 'Website', 'TAGS'])).toEqual({
      mapping: {
        columns: {
          name: ['NAME'],
          email: ['É-mail'],
          contact_name: ['Contact Name'],
          website: ['Website'],
          tags: ['TAGS'],
        },
      },
      preset: undefined,
    });
  });

  it("recognises an Action Network report by the preset's headers", () => {
    expect(suggestMapping(ACTION_NETWORK)).toEqual({
      mapping: {
        columns: {
          name: ['Organization'],
          email: ['email'],
          contact_name: ['first_name', 'last_name'],
          country: ['Country'],
          tags: ['can2_user_tags'],
        },
      },
      preset: 'action-network',
    });
  });

  it('recognises a Google Forms response sheet', () => {
    expect(suggestMapping(GOOGLE_FORMS)).toEqual({
      mapping: {
        columns: {
          name: ['Organization name (as it should appear on the letter)'],
          email: ['Email Address'],
          contact_name: ['Your full name'],
          country: ['Country'],
        },
      },
      preset: 'google-forms',
    });
  });

  it('suggests no mapping when no column can be the name', () => {
    expect(suggestMapping(['a', 'email'])).toEqual({ mapping: undefined, preset: undefined });
  });
});

describe('presets', () => {
  it("leave out the optional columns a form lacks, and insist on the name's", () => {
    const forms = importPreset('google-forms');
    expect(
      presetMapping(
        forms,
        GOOGLE_FORMS.filter((h) => h !== 'Country'),
      ).columns.country,
    ).toBeUndefined();
    expect(() => presetMapping(forms, ['Timestamp'])).toThrow(
      'preset: the google-forms preset reads the name from "Organization name (as it should appear on the letter)", which is not a column of the file',
    );
    expect(() => importPreset('mailchimp')).toThrow('preset: unknown preset');
  });
});

describe('parseMapping', () => {
  it('reads headers as text or lists, and the options', () => {
    expect(
      parseMapping(
        '{"name":"Org","contact_name":["First","Last"],"tagsSeparator":"/","addTags":"2026-forms"}',
      ),
    ).toEqual({
      columns: { name: ['Org'], contact_name: ['First', 'Last'] },
      tagsSeparator: '/',
      addTags: ['2026-forms'],
    });
  });

  it.each([
    ['{"name":', 'mapping: not valid JSON'],
    ['null', 'mapping: expected an object'],
    ['{"name":"A","phone":"B"}', 'mapping.phone: unknown field'],
    ['{"email":"B"}', 'mapping.name: required'],
    ['{"name":""}', 'mapping.name: a column header'],
    ['{"name":"A","tagsSeparator":""}', 'mapping.tagsSeparator:'],
    ['['.repeat(3000) + ']'.repeat(3000), 'mapping: nested too deeply'],
  ])('refuses %s', (raw, message) => {
    expect(() => parseMapping(raw)).toThrow(message);
  });
});
