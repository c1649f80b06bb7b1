import { historyOutcome } from './history-words';

const invitation = (status: 'sent' | 'declined' | 'signed', revoked = false) => ({
  status,
  invitedAt: '2026-03-02T09:30:00.000Z',
  respondedAt: null,
  revoked,
});
const signature = (status: 'confirmed' | 'withdrawn') => ({
  status,
  signedAt: '2026-03-05T14:10:00.000Z',
  withdrawnAt: null,
});

describe("an organization's history in words", () => {
  it('says invited, signed or declined', () => {
    expect(historyOutcome({ invitation: invitation('sent'), signature: null })).toBe(
      'Invited, no answer yet',
    );
    expect(historyOutcome({ invitation: invitation('declined'), signature: null })).toBe(
      'Declined',
    );
    expect(
      historyOutcome({ invitation: invitation('signed'), signature: signature('confirmed') }),
    ).toBe('Signed');
  });

  it('tells the sign-on before the invitation, and says when there was no invitation', () => {
    expect(
      historyOutcome({ invitation: invitation('signed'), signature: signature('withdrawn') }),
    ).toBe('Signed, then withdrew');
    expect(historyOutcome({ invitation: null, signature: signature('confirmed') })).toBe(
      'Signed (open sign-on, not invited)',
    );
  });

  it('says when a merge revoked the link', () => {
    expect(historyOutcome({ invitation: invitation('sent', true), signature: null })).toBe(
      'Invited, no answer yet; link revoked',
    );
  });
});
