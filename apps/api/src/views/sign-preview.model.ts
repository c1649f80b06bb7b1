import type { SignOnPreview } from '@app/domain';
import { signOnStatusText, signPageModel } from './sign-page.model';

/** Which text a preview shows, in words: the draft, the published text, or an older one. */
function whichText(preview: SignOnPreview): string {
  const { revision } = preview.view.letter;
  const published = preview.publishedRevision;
  if (revision === published) return `revision ${revision}, the text organizations sign now`;
  if (revision === preview.latestRevision) {
    return published === null
      ? `revision ${revision}, the current draft (not published yet)`
      : `revision ${revision}, the current draft (organizations sign revision ${published} until it is published)`;
  }
  return `revision ${revision}, an earlier draft`;
}

/**
 * The sign page as an invited organization that has not answered yet will see it, with the
 * preview flag: a banner, and forms that cannot be sent. Before the letter has a deadline,
 * the line that would give it says when it will be known.
 */
export function signPreviewModel(preview: SignOnPreview) {
  const { view } = preview;
  const model = signPageModel(view, {
    token: 'preview',
    formToken: '',
    preview: {
      banner: `This is the sign-on page an invited organization (here “${view.organization.name}”) will see, showing ${whichText(preview)}. The form cannot be sent from this preview.`,
    },
  });
  const statusText = view.letter.deadline
    ? signOnStatusText(view.letter, true)
    : 'Sign-ons will close at the deadline set when the letter is published.';
  return { ...model, statusText };
}
