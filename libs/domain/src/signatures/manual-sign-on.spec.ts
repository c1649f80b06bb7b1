import { DomainError } from '../errors/domain-error';
import { manualConsentText, manualSignOn } from './manual-sign-on';

const messageOf = (work: () => unknown) => {
  try {
    work();
  } catch (error) {
    if (error instanceof DomainError) return error.message;
    throw error;
  }
  return 'no error';
};

describe('manualSignOn', () => {
  const base = { displayName: 'Free Press Fund', signerName: 'Ana Ruiz', authorized: true };

  it('cleans the fields like a signer’s own form, with the defaults', () => {
    expect(
      manualSignOn(
        {
          ...base,
          displayName: '  Free\u200B  Press\u202E Fund ',
          organizationId: ' org-1 ',
          country: 'fr',
          signerEmail: ' Ana@Fund.Example ',
          note: ' By phone ',
        },
        ['public', 'delivered'],
      ),
    ).toEqual({
      organizationId: 'org-1',
      displayName: 'Free Press Fund',
      signerName: 'Ana Ruiz',
      signerTitle: null,
      country: 'FR',
      visibility: 'public',
      signerEmail: 'ana@fund.example',
      note: 'By phone',
    });
  });

  it.each([
    [{ authorized: false }, 'authorized'],
    [{ authorized: 'true' }, 'authorized'],
    [{ displayName: ' ' }, 'displayName'],
    [{ displayName: 'x'.repeat(301) }, 'displayName'],
    [{ signerName: 7 }, 'signerName'],
    [{ visibility: 'anonymous' }, 'visibility'],
    [{ signerEmail: 'nope' }, 'signerEmail'],
    [{ country: 'Atlantis' }, 'country'],
    [{ note: 'n'.repeat(1001) }, 'note'],
  ])('refuses %j naming %s', (change, field) => {
    expect(messageOf(() => manualSignOn({ ...base, ...change }, ['public', 'delivered']))).toMatch(
      new RegExp(`^${field}: `),
    );
  });
});

describe('manualConsentText', () => {
  it('names the coordinator who recorded it, and the note', () => {
    expect(manualConsentText('Cora Diaz', null)).toMatch(
      /^Recorded by Cora Diaz, a coordinator, from a sign-on received offline/,
    );
    expect(manualConsentText('Cora Diaz', 'Letter of 3 May')).toMatch(/ Note: Letter of 3 May$/);
  });
});
