import type { Visibility } from '../letters/letter-settings';

/**
 * The consent statement shown beside the sign-on button. The exact text shown is what
 * the signature stores, so it names the revision and who keeps the signer's details.
 */
export function consentText(input: {
  workspace: string;
  organization: string;
  title: string;
  revision: number;
}): string {
  return (
    `I agree that ${input.workspace} lists ${input.organization} as a signatory of ` +
    `“${input.title}” (revision ${input.revision}) and delivers the letter to its addressees, ` +
    `showing our organization as chosen on this form. I understand that ${input.workspace} ` +
    `keeps my name, title and email address to manage this sign-on, and does not publish them.`
  );
}

/** How a visibility reads in a sentence ("shown …"). */
export const visibilityInWords: Record<Visibility, string> = {
  public: 'named publicly and in the copy delivered to the addressees',
  delivered: 'named only in the copy delivered to the addressees',
  anonymous: 'not named anywhere, only counted',
};
