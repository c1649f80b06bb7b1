import type { Visibility } from '../letters/letter-settings';

/**
 * What a signer submits, as the HTTP edge hands it over: the shape and the types already
 * checked there (a JSON body by its DTO, a page's form by its mapping). The text is still
 * as typed; the domain cleans and limits it (signer-input.ts), because what counts is the
 * text that will be printed, and checks what depends on the letter (its visibilities).
 */
export interface SignOnCommand {
  displayName: string;
  signerName: string;
  signerTitle?: string | null;
  /** ISO 3166-1 alpha-2 (either case). */
  country?: string | null;
  /** The letter's first allowed visibility when absent. */
  visibility?: Visibility | null;
  consent: boolean;
  authorized: boolean;
}

/** Asking to sign a letter open to anyone: the same, plus who asks. */
export interface OpenSignOnCommand extends SignOnCommand {
  signerEmail: string;
  website?: string | null;
  /** The honeypot field people never see; a robot fills it in. */
  homepage?: string | null;
}

export interface DeclineCommand {
  reason?: string | null;
}

/** Passing an invitation to a colleague. */
export interface DelegateCommand {
  email: string;
  fromName?: string | null;
}
