import {
  deadlineInWords,
  formatInZone,
  LIVE_STATUSES,
  visibilityInWords,
  type OwnSignatureView,
  type SignOnView,
} from '@app/domain';
import { countryName } from './countries';
import type { FormError } from './form-error';
import { letterTextModel } from './letter-text.partial';
import { signerFieldsModel, type SignerFieldsInput } from './signer-fields.partial';

/** What was typed into a form that is shown again. */
export interface Submitted {
  values: SignerFieldsInput['values'];
  checked: SignerFieldsInput['checked'];
  error: FormError;
}

export interface DelegateSubmitted {
  email: string;
  fromName: string;
  error: FormError;
}

export interface SignPageInput {
  token: string;
  formToken: string;
  /** A refused sign-on form, shown again with its message. */
  submitted?: Submitted;
  /** A refused hand-over, shown again with its message. */
  delegateSubmitted?: DelegateSubmitted;
  /** The lead's preview of the page: a banner says so, and no form can be sent. */
  preview?: SignPagePreview;
}

export interface SignPagePreview {
  /** What is previewed, in a sentence or two, after "Preview." */
  banner: string;
}

export function signedCountText(count: number): string {
  if (count === 0) return 'No organization has signed yet.';
  return count === 1 ? '1 organization has signed.' : `${count} organizations have signed.`;
}

/** A letter's state as the status sentences need it; times are shown in `timeZone`. */
interface LetterState {
  status: string;
  deadline: Date | null;
  timeZone: string;
}

/** Where sign-ons stand, in a sentence; `open` is the domain's verdict (status and deadline). */
export function signOnStatusText(letter: LetterState, open: boolean): string {
  if (open && letter.deadline) {
    return `Sign-ons close on ${deadlineInWords(letter.deadline, letter.timeZone)}.`;
  }
  if (letter.status === 'open' && letter.deadline) {
    return `Sign-ons closed on ${deadlineInWords(letter.deadline, letter.timeZone)}.`;
  }
  return letter.status === 'final'
    ? 'Sign-ons are closed: the letter is final.'
    : 'Sign-ons are closed.';
}

const NOTHING_CHANGES = 'Nothing can be signed or changed any more.';

/** Why nothing can change any more, in full. */
export function closedText(letter: LetterState): string {
  return `${signOnStatusText(letter, false)} ${NOTHING_CHANGES}`;
}

const statusInWords: Record<OwnSignatureView['status'], string> = {
  confirmed: 'Signed',
  pending_approval: 'Signed; waiting for the coordinators’ approval',
  pending_confirmation: 'Asked to sign; waiting for your confirmation',
  withdrawn: 'Withdrawn',
  rejected: 'Not accepted by the coordinators',
};

/** A sign-on as its signer sees it (times in the letter's zone): never the IP, user agent or anything of others. */
export function signatureRows(signature: OwnSignatureView, timeZone: string) {
  return [
    { term: 'Status', value: statusInWords[signature.status] },
    { term: 'Printed as', value: signature.displayName },
    { term: 'Signed by', value: signature.signerName },
    ...(signature.signerTitle ? [{ term: 'Title', value: signature.signerTitle }] : []),
    ...(signature.country ? [{ term: 'Country', value: countryName(signature.country) }] : []),
    { term: 'Shown', value: visibilityInWords[signature.visibility] },
    { term: 'Text signed', value: `Revision ${signature.revision}` },
    { term: 'Recorded', value: formatInZone(signature.signedAt, timeZone) },
  ];
}

/** The sign page in every state: to sign, signed, waiting for confirmation, closed. */
export function signPageModel(view: SignOnView, input: SignPageInput) {
  const signature = view.signature;
  // What the sign-on is, for the words; what the link allows comes from the domain.
  const live = signature !== null && LIVE_STATUSES.includes(signature.status);
  const pending = signature?.status === 'pending_confirmation';
  const invited = view.invitationStatus !== null;
  const open = view.letter.open;
  const may = new Set(view.allowedActions);
  const canSign = may.has('sign') || may.has('change');

  const notices: string[] = [];
  if (!open) notices.push(NOTHING_CHANGES);
  if (!live && view.invitationStatus === 'declined') {
    notices.push(
      open
        ? 'Your organization declined this invitation. If you have changed your mind, you can still sign below.'
        : 'Your organization declined this invitation.',
    );
  }
  if (!live && signature && ['withdrawn', 'rejected'].includes(signature.status)) {
    notices.push(
      signature.status === 'withdrawn'
        ? 'Your organization withdrew its sign-on.'
        : 'The coordinators did not accept this sign-on.',
    );
    if (open && !invited) notices.push('To sign again, send a new request from the letter’s page.');
  }
  if (live && open && signature.needsReconsent) {
    notices.push(
      `The text changed after your organization signed revision ${signature.revision}; the letter above is revision ${view.letter.revision}. Confirm that your organization signs the new text, or withdraw.`,
    );
  }
  if (pending && open) {
    notices.push(
      'Your organization asked to sign with the details below. Confirm to complete the sign-on.',
    );
  }

  const actions =
    may.has('confirm') || may.has('withdraw')
      ? {
          confirm: !may.has('confirm')
            ? ''
            : pending
              ? 'Confirm my sign-on'
              : 'Confirm the new text',
          withdraw: may.has('withdraw'),
        }
      : null;

  // Prefilled with the current (or the last withdrawn) sign-on, else from the directory.
  const values = input.submitted?.values ?? {
    displayName: signature?.displayName ?? view.organization.name,
    signerName: signature?.signerName ?? '',
    signerTitle: signature?.signerTitle ?? '',
    country: signature?.country ?? view.organization.country ?? '',
    visibility: signature?.visibility ?? '',
  };
  const form = canSign
    ? signerFieldsModel({
        values,
        checked: input.submitted?.checked ?? { authorized: false, consent: false },
        visibilities: view.visibilities,
        consentText: view.consentText,
        error: input.submitted?.error ?? null,
        open: false,
      })
    : null;

  // Passing the invitation on is offered while it is unanswered, not to change a sign-on.
  const passOn = may.has('delegate') && !may.has('change');
  const delegateError = input.delegateSubmitted?.error ?? null;
  return {
    token: input.token,
    formToken: input.formToken,
    preview: input.preview ?? null,
    organization: view.organization.name,
    letter: letterTextModel(view.letter.content),
    statusText: signOnStatusText(view.letter, open),
    signedCountText: signedCountText(view.signedCount),
    respond: {
      heading: live || pending ? 'Your sign-on' : open ? 'Sign on' : 'Sign-ons are closed',
      notices,
      current: live || pending ? { rows: signatureRows(signature, view.letter.timeZone) } : null,
      actions,
      submit: may.has('change') ? 'Save changes' : 'Sign the letter',
    },
    form,
    decline: may.has('decline'),
    delegate: passOn
      ? {
          email: input.delegateSubmitted?.email ?? '',
          fromName: input.delegateSubmitted?.fromName ?? '',
          error: delegateError,
          emailInvalid: delegateError?.field === 'email',
          fromNameInvalid: delegateError?.field === 'fromName',
        }
      : null,
  };
}

/** The opened beacon only matters while the invitation still reads as unopened. */
export function wantsOpenedBeacon(view: SignOnView): boolean {
  return view.letter.open && ['queued', 'sent'].includes(view.invitationStatus ?? '');
}
