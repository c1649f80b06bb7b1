import { invitationNoteHtml, invitationNoteText } from './invitation';

// Messages to the people who sign on: receipts, changes, confirmations. Each one links
// back to the signer's own page, where the sign-on can be changed or withdrawn.

/**
 * After signing (or changing a sign-on): what was signed, the link to change it, and a copy
 * of the letter's words as signed. `bodyHtml` and `bodyText` are the body rendered by
 * renderMarkdownHtml and renderMarkdownText (the HTML is inserted as is: it is already safe).
 */
export const signOnReceipt = {
  subject: 'Signed on: {{title}}',
  html: `<p><strong>{{organization}}</strong> is signed on to <strong>“{{title}}”</strong>
(revision {{revision}}), as <strong>{{displayName}}</strong>, {{visibility}}.</p>
<p>Recorded {{signedAt}}, signed by {{signerName}}.</p>
<p>Until sign-ons close on {{deadline}}, you can correct the name, change how it is shown, or
withdraw: <a href="{{link}}">your sign-on</a>. The link is for your organization only.</p>
{{#if bodyHtml}}<p>The text you signed:</p>
<div class="letter" style="border-left: 3px solid #ccc; margin: 1em 0; padding-left: 1em">
<p>{{salutation}}</p>
{{{bodyHtml}}}
<p>{{closing}}</p>
</div>{{/if}}`,
  text: `{{organization}} is signed on to "{{title}}" (revision {{revision}}), as "{{displayName}}", {{visibility}}.

Recorded {{signedAt}}, signed by {{signerName}}.

Until sign-ons close on {{deadline}}, you can correct the name, change how it is shown, or withdraw:
{{link}}

The link is for your organization only.{{#if bodyText}}

The text you signed:

{{salutation}}

{{bodyText}}

{{closing}}{{/if}}`,
};

/** After withdrawing. */
export const signOnWithdrawn = {
  subject: 'Withdrawn: {{title}}',
  html: `<p><strong>{{organization}}</strong> has withdrawn its sign-on to <strong>“{{title}}”</strong>
({{at}}). Its name will not appear on the letter.</p>
<p>Changed your mind? Until {{deadline}} you can sign on again: <a href="{{link}}">your sign-on</a>.</p>`,
  text: `{{organization}} has withdrawn its sign-on to "{{title}}" ({{at}}). Its name will not appear on the letter.

Changed your mind? Until {{deadline}} you can sign on again:
{{link}}`,
};

/** The invitation, handed over by the person who received it to a colleague. */
export const signOnDelegated = {
  subject: 'Passed on to you: sign “{{title}}” for {{organization}}',
  html: `<p>{{delegatedBy}} passed on to you the invitation from {{workspace}} for
<strong>{{organization}}</strong> to sign on to the letter <strong>“{{title}}”</strong>.</p>
${invitationNoteHtml}<blockquote style="border-left: 3px solid #ccc; margin: 1em 0; padding-left: 1em; color: #333">{{excerpt}}</blockquote>
<p>Sign-ons close on <strong>{{deadline}}</strong>.</p>
<p><a href="{{link}}">Read the full letter and sign on</a> · <a href="{{declineLink}}">Decline</a></p>
<p style="font-size: 0.9em">The link is for your organization only; the earlier link no longer works.</p>`,
  text: `{{delegatedBy}} passed on to you the invitation from {{workspace}} for {{organization}} to sign on to the letter "{{title}}".

${invitationNoteText}{{excerpt}}

Sign-ons close on {{deadline}}.

Read the full letter and sign on:
{{link}}

Decline:
{{declineLink}}

The link is for your organization only; the earlier link no longer works.`,
};

/** An open sign-on request: the address has to confirm it. */
export const openSignOnConfirm = {
  subject: 'Confirm your sign-on to “{{title}}”',
  html: `<p>Someone, hopefully you, asked to sign on to <strong>“{{title}}”</strong> ({{workspace}})
for <strong>{{organization}}</strong> with this address.</p>
<p><a href="{{link}}">Confirm the sign-on</a>. Until you do, nothing is recorded in your name.</p>
<p style="font-size: 0.9em">Not you? Ignore this message.</p>`,
  text: `Someone, hopefully you, asked to sign on to "{{title}}" ({{workspace}}) for {{organization}} with this address.

Confirm the sign-on:
{{link}}

Until you do, nothing is recorded in your name. Not you? Ignore this message.`,
};

/** An open sign-on request for an organization that has already signed. */
export const openSignOnDuplicate = {
  subject: 'About your sign-on request for “{{title}}”',
  html: `<p>Someone, hopefully you, asked to sign on to <strong>“{{title}}”</strong> ({{workspace}})
for <strong>{{organization}}</strong> with this address.</p>
<p>{{organization}} is already signed on to this letter, so nothing was changed. If that is news
to you, reply to {{workspace}} or write to the coordinators who sent you the letter.</p>`,
  text: `Someone, hopefully you, asked to sign on to "{{title}}" ({{workspace}}) for {{organization}} with this address.

{{organization}} is already signed on to this letter, so nothing was changed. If that is news to you, write to the coordinators of {{workspace}}.`,
};

// How a diff reads in a message: each changed field with its label, then either the words
// removed and added (the text as read, never Markdown), or one line saying only the
// formatting changed.
const changesHtml = `{{#each changes}}<p style="margin-bottom: 0.2em"><strong>{{label}}</strong></p>
{{#if formattingOnly}}<p style="margin-top: 0">Formatting changed; the words are the same.</p>
{{else}}<p style="margin-top: 0; white-space: pre-wrap">{{#each runs}}{{#if added}}<ins style="background: #dcfce7">{{text}}</ins>{{else if removed}}<del style="background: #fee2e2">{{text}}</del>{{else}}{{text}}{{/if}}{{/each}}</p>
{{/if}}{{/each}}`;

const changesText = `What changed ([-removed-] {+added+}):
{{#each changes}}

{{label}}:
{{#if formattingOnly}}Formatting changed; the words are the same.{{else}}{{#each runs}}{{#if added}}{+{{text}}+}{{else if removed}}[-{{text}}-]{{else}}{{text}}{{/if}}{{/each}}{{/if}}
{{/each}}`;

/** A newer revision was published after this organization signed. */
export const signOnReconsent = {
  subject: '“{{title}}” has changed: please confirm your sign-on',
  html: `<p>The letter <strong>“{{title}}”</strong> changed after <strong>{{organization}}</strong> signed
on: you signed revision {{signedRevision}}, and revision {{revision}} is now the text that will be
delivered.</p>
{{#if correctionReason}}<p>Since we last asked, the new text also received a correction ({{correctionReason}}).
Below is everything that changed since your organization signed.</p>
{{/if}}${changesHtml}
<p><a href="{{link}}">Confirm the new text, or withdraw</a>, before {{deadline}}. Until you choose,
your sign-on stays recorded against revision {{signedRevision}}.</p>`,
  text: `The letter "{{title}}" changed after {{organization}} signed on: you signed revision {{signedRevision}}, and revision {{revision}} is now the text that will be delivered.
{{#if correctionReason}}
Since we last asked, the new text also received a correction ({{correctionReason}}). Below is everything that changed since your organization signed.
{{/if}}
${changesText}

Confirm the new text, or withdraw, before {{deadline}}:
{{link}}

Until you choose, your sign-on stays recorded against revision {{signedRevision}}.`,
};

/**
 * A correction (a typo, formatting, an addressee's title) was published after this
 * organization signed: the sign-on stands on the corrected text; nothing is asked.
 */
export const signOnCorrection = {
  subject: 'A correction to “{{title}}”: your sign-on stands',
  html: `<p>{{workspace}} made a small correction to the letter <strong>“{{title}}”</strong>, which
<strong>{{organization}}</strong> signed. There is nothing you need to do: your sign-on stands,
now on the corrected text (revision {{revision}}; you signed revision {{signedRevision}}).</p>
<p>The reason given: {{reason}}</p>
${changesHtml}
<p>If your organization does not want to sign the corrected text, you can withdraw until
{{deadline}}: <a href="{{withdrawLink}}">withdraw our sign-on</a>. The link is for your organization only.</p>`,
  text: `{{workspace}} made a small correction to the letter "{{title}}", which {{organization}} signed. There is nothing you need to do: your sign-on stands, now on the corrected text (revision {{revision}}; you signed revision {{signedRevision}}).

The reason given: {{reason}}

${changesText}

If your organization does not want to sign the corrected text, you can withdraw until {{deadline}}:
{{withdrawLink}}

The link is for your organization only.`,
};
