/** A refused form, as the page shows it: which field (when the message names one), and why. */
export interface FormError {
  field: string | null;
  message: string;
}

const LABELS: Record<string, string> = {
  displayName: 'Organization name',
  signerName: 'Your name',
  signerTitle: 'Your title',
  signerEmail: 'Your email address',
  country: 'Country',
  website: 'Website',
  visibility: 'How your organization is shown',
  authorized: 'Authorization',
  consent: 'Consent',
  email: 'Colleague’s email address',
  fromName: 'Your name',
  reason: 'Reason',
};

/**
 * The domain's message (`displayName: required`), the same as the JSON answer's, with the
 * field's name replaced by the label people see beside it.
 */
export function formError(message: string): FormError {
  const match = /^([A-Za-z]+): ([^]*)$/.exec(message);
  if (!match || !(match[1] in LABELS)) return { field: null, message };
  return { field: match[1], message: `${LABELS[match[1]]}: ${match[2]}` };
}
