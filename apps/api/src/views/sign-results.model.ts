import type { OwnSignatureView, SignOnView, SignOutcome } from '@app/domain';
import type { FormError } from './form-error';
import { closedText, signatureRows } from './sign-page.model';

const back = (token: string, text = 'Back to the letter') => ({ href: `/sign/${token}`, text });

const sameSignOn = (a: OwnSignatureView, b: OwnSignatureView) =>
  (
    ['displayName', 'signerName', 'signerTitle', 'country', 'visibility', 'revision'] as const
  ).every((key) => a[key] === b[key]);

/** What a sign-on POST recorded; `before` is the sign-on as it was, if there was one. */
export function receiptModel(view: SignOnView, outcome: SignOutcome, token: string) {
  const before = view.signature;
  const unchanged =
    !outcome.created &&
    before?.status === outcome.signature.status &&
    sameSignOn(before, outcome.signature);
  const pendingApproval = outcome.signature.status === 'pending_approval';
  return {
    heading: outcome.created
      ? 'Your sign-on is recorded'
      : unchanged
        ? 'Nothing changed'
        : 'Your sign-on is updated',
    paragraphs: [
      `${outcome.signature.displayName} — “${view.letter.title}”, revision ${outcome.signature.revision}.`,
      unchanged
        ? 'Your sign-on already reads as below, so nothing was sent.'
        : 'A confirmation email is on its way to the address this link was sent to.',
      ...(pendingApproval ? ['The coordinators approve each sign-on before it counts.'] : []),
      'You can correct or withdraw the sign-on from the same link until sign-ons close.',
    ],
    rows: signatureRows(outcome.signature, view.letter.timeZone),
    back: back(token, 'Back to the letter and your sign-on'),
  };
}

export function withdrawnModel(view: SignOnView, token: string) {
  return {
    heading: 'Your sign-on is withdrawn',
    paragraphs: [
      `${view.organization.name} is no longer listed as a signatory of “${view.letter.title}”. We emailed a confirmation.`,
      view.invitationStatus === null
        ? 'To sign again, send a new request from the letter’s page.'
        : 'While sign-ons are open you can sign again from the same link.',
    ],
    rows: [],
    back: back(token),
  };
}

export function confirmedModel(view: SignOnView, signature: OwnSignatureView, token: string) {
  const pendingApproval = signature.status === 'pending_approval';
  return {
    heading: pendingApproval ? 'Thank you: your sign-on is confirmed' : 'Your sign-on is confirmed',
    paragraphs: [
      `${signature.displayName} — “${view.letter.title}”, revision ${signature.revision}.`,
      pendingApproval
        ? 'The coordinators approve each sign-on before it counts; we email you when they have.'
        : 'A confirmation email is on its way.',
    ],
    rows: signatureRows(signature, view.letter.timeZone),
    back: back(token),
  };
}

export function declinedModel(view: SignOnView, token: string) {
  return {
    heading: 'Thank you for letting us know',
    paragraphs: [
      `${view.organization.name} declined “${view.letter.title}”.`,
      'If you change your mind while sign-ons are open, you can still sign from the same link.',
    ],
    rows: [],
    back: back(token),
  };
}

export function delegatedModel(view: SignOnView, delegatedTo: string) {
  return {
    heading: 'Passed on',
    paragraphs: [
      `We emailed ${delegatedTo} a link to sign “${view.letter.title}” for ${view.organization.name}.`,
      'This link no longer works; your colleague’s link replaces it.',
    ],
    rows: [],
    back: null,
  };
}

/** The decline page: the form, or why there is nothing to decline. */
export function declinePageModel(
  view: SignOnView,
  input: { token: string; formToken: string; reason?: string; error?: FormError },
) {
  const may = new Set(view.allowedActions);
  // Why the link does not allow declining, in the words of its first reason.
  const reasonNot = may.has('decline')
    ? ''
    : !view.letter.open
      ? closedText(view.letter)
      : view.invitationStatus === null
        ? 'This link belongs to a sign-on request, not an invitation: withdraw it on the letter’s page instead.'
        : may.has('withdraw')
          ? 'Your organization is signed on. To take its name off the letter, withdraw the sign-on on the letter’s page.'
          : 'Your organization has already declined. You can still sign while sign-ons are open.';
  return {
    token: input.token,
    formToken: input.formToken,
    title: view.letter.title,
    organization: view.organization.name,
    canDecline: reasonNot === '',
    reasonNot,
    reason: input.reason ?? '',
    error: input.error ?? null,
  };
}
