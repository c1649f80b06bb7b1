import type { PublicLetterView } from '@app/domain';
import { countryName } from './countries';
import { letterTextModel } from './letter-text.partial';
import { signOnStatusText } from './sign-page.model';

/** Past this many names the list is numbered, as a long list of signatories usually is. */
const NUMBERED_FROM = 10;

/**
 * The public letter (/l/:letterId): the published text and the organizations that chose to
 * be named publicly; the others only counted. Never a signer's name or address. The list
 * has the letter's own heading, or none (then only a label for screen readers), as in the PDF.
 */
export const publicLetterPage = `<h1 dir="auto">{{letter.title}}</h1>
<p>{{status}}</p>
{{#if openSignOn}}<p><a href="/s/{{id}}">Sign this letter for your organization</a></p>
{{/if}}{{> letterText}}
{{#if letter.listHeading}}<section aria-labelledby="signatories-heading">
<h2 id="signatories-heading" dir="auto">{{letter.listHeading}}</h2>
{{else}}<section aria-label="Signatories">
{{/if}}{{#if signatories.length}}{{#if numbered}}<ol>{{else}}<ul>{{/if}}
{{#each signatories}}<li><span dir="auto">{{displayName}}</span>{{#if country}} ({{country}}){{/if}}</li>
{{/each}}{{#if numbered}}</ol>{{else}}</ul>{{/if}}
{{/if}}<p>{{countText}}</p>
</section>`;

/** `now` from the app's clock: whether sign-ons are still open at this moment. */
export function publicLetterModel(view: PublicLetterView, now: Date) {
  const named = view.signatories.length;
  const others = view.signedCount - named;
  const organizations = (n: number) => (n === 1 ? '1 organization' : `${n} organizations`);
  const countText =
    view.signedCount === 0
      ? 'No organization has signed yet.'
      : named === 0
        ? `${organizations(others)} signed without being named here.`
        : others > 0
          ? `And ${organizations(others)} more, not named here.`
          : `${organizations(named)} in all.`;
  const open = view.status === 'open' && view.deadline !== null && view.deadline > now;
  return {
    id: view.id,
    letter: letterTextModel(view.content),
    status: signOnStatusText(view, open),
    openSignOn: view.openSignOn,
    numbered: named > NUMBERED_FROM,
    signatories: view.signatories.map((s) => ({
      displayName: s.displayName,
      country: s.country ? countryName(s.country) : '',
    })),
    countText,
  };
}
