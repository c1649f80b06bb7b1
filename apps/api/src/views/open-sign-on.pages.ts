import { consentText, type PublishedLetter } from '@app/domain';
import type { FormError } from './form-error';
import { letterTextModel } from './letter-text.partial';
import { signOnStatusText } from './sign-page.model';
import { signerFieldsModel, type SignerFieldsInput } from './signer-fields.partial';

/** The open sign-on form (/s/:letterId): anyone may ask to sign; the email confirms. */
export const openSignOnPage = `<a class="skip" href="#respond">Skip to the sign-on form</a>
<p class="note" dir="auto">An open letter from {{workspace}}</p>
<h1 dir="auto">{{letter.title}}</h1>
<p>{{statusText}}</p>
{{> letterText}}
<section id="respond" aria-labelledby="respond-heading" tabindex="-1">
<h2 id="respond-heading">Sign on for your organization</h2>
{{#if form}}<p>We email you a link to confirm; the sign-on counts only once you follow it{{#if requireApproval}} and the coordinators approve it{{/if}}.</p>
<form method="post" action="/s/{{letterId}}">
{{> signerFields}}
<button type="submit">Ask to sign</button>
</form>
{{else}}<p class="notice">{{closed}}</p>
{{/if}}</section>`;

/** The same answer whatever happened, so nobody learns who has signed. */
export const openSignOnSent = `<h1>Check your email</h1>
<p>If the details were complete, we have sent a message to the address you gave. Follow the link in it to confirm the sign-on.</p>
<p class="note">Nothing arrived within a few minutes? Check the spam folder, or send the form again.</p>
<p><a href="/s/{{letterId}}">Back to the letter</a></p>`;

export interface OpenSubmitted {
  values: SignerFieldsInput['values'];
  checked: SignerFieldsInput['checked'];
  error: FormError;
}

export function openSignOnModel(published: PublishedLetter, submitted?: OpenSubmitted) {
  const { letter, content, revision, settings, workspace, open, timeZone } = published;
  return {
    letterId: letter.id,
    workspace: workspace.name,
    letter: letterTextModel(content),
    statusText: signOnStatusText(
      { status: letter.status, deadline: letter.deadline, timeZone },
      open,
    ),
    requireApproval: settings.requireApproval,
    closed: open ? '' : 'Sign-ons are closed: this letter takes no more signatures.',
    form: open
      ? signerFieldsModel({
          values: submitted?.values ?? {},
          checked: submitted?.checked ?? { authorized: false, consent: false },
          visibilities: settings.visibilities,
          consentText: consentText({
            workspace: workspace.name,
            organization: 'my organization',
            title: content.title,
            revision,
          }),
          error: submitted?.error ?? null,
          open: true,
        })
      : null,
  };
}
