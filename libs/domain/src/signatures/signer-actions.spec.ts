import { allowedActions, type SignerSituation } from './signer-actions';

const situation = (over: Partial<SignerSituation> = {}): SignerSituation => ({
  open: true,
  invitationStatus: 'sent',
  signature: null,
  publishedRevision: 2,
  ...over,
});
const signed = (status: NonNullable<SignerSituation['signature']>['status'], revision = 2) => ({
  status,
  revision,
});

describe('allowedActions', () => {
  it('offers an unanswered invitation to sign, decline or pass on', () => {
    expect(allowedActions(situation())).toEqual(['sign', 'decline', 'delegate']);
  });

  it('offers a live sign-on to change or withdraw, and to confirm a newer text', () => {
    expect(allowedActions(situation({ signature: signed('confirmed') }))).toEqual([
      'change',
      'withdraw',
      'delegate',
    ]);
    expect(allowedActions(situation({ signature: signed('pending_approval', 1) }))).toEqual([
      'change',
      'confirm',
      'withdraw',
      'delegate',
    ]);
  });

  it('lets a declined or withdrawn invitation sign after all, but not decline twice', () => {
    const declined = situation({ invitationStatus: 'declined' });
    expect(allowedActions(declined)).toEqual(['sign', 'delegate']);
    const withdrawn = situation({
      invitationStatus: 'withdrawn',
      signature: signed('withdrawn', 1),
    });
    expect(allowedActions(withdrawn)).toEqual(['sign', 'decline', 'delegate']);
  });

  it('asks an open sign-on request only to confirm, and a withdrawn one for nothing', () => {
    const own = { invitationStatus: null };
    expect(
      allowedActions(situation({ ...own, signature: signed('pending_confirmation') })),
    ).toEqual(['confirm']);
    expect(allowedActions(situation({ ...own, signature: signed('confirmed') }))).toEqual([
      'change',
      'withdraw',
    ]);
    expect(allowedActions(situation({ ...own, signature: signed('withdrawn', 1) }))).toEqual([]);
    expect(allowedActions(situation({ ...own, signature: signed('rejected') }))).toEqual([]);
  });

  it('allows nothing once sign-ons close', () => {
    for (const signature of [null, signed('confirmed', 1), signed('pending_confirmation')]) {
      expect(allowedActions(situation({ open: false, signature }))).toEqual([]);
    }
  });
});
