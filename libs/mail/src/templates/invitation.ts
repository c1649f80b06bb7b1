// The sender's personal note (Markdown, rendered by renderMarkdownHtml and renderMarkdownText;
// the HTML is inserted as is: it is already safe), introduced with who wrote it and for which
// coalition. Names are user text: escaped, and isolated so a right-to-left name keeps its place.
export const invitationNoteHtml = `{{#if noteHtml}}<p>A note from <bdi>{{inviter}}</bdi> at <bdi>{{workspace}}</bdi>:</p>
<div class="note" dir="auto" style="margin: 1em 0">{{{noteHtml}}}</div>
{{/if}}`;
export const invitationNoteText = `{{#if noteText}}A note from {{inviter}} at {{workspace}}:

{{noteText}}

{{/if}}`;

// What is true about the link (issue 17): it signs for this organization; a colleague gets
// their own link from the sign page's "Pass this on to a colleague" (the button "Send my
// colleague a link", apps/api/src/views/sign.pages.ts), and this one then stops working.
const passOnHtml = `<p style="font-size: 0.9em">This link signs on for <bdi>{{organization}}</bdi>. To involve a colleague, use “Send my colleague a link” on the letter’s page (under “Pass this on to a colleague”): they get their own link, and this one stops working.</p>`;
const passOnText = `This link signs on for {{organization}}. To involve a colleague, use "Send my colleague a link" on the letter's page (under "Pass this on to a colleague"): they get their own link, and this one stops working.`;

const replyHtml = `<p style="font-size: 0.9em">Questions? Reply to this message to reach <bdi>{{inviter}}</bdi> at <bdi>{{workspace}}</bdi>.</p>`;
const replyText = `Questions? Reply to this message to reach {{inviter}} at {{workspace}}.`;

/** A member organization is invited to sign a letter. */
export const signOnInvitation = {
  subject: 'Invitation to sign: {{title}}',
  html: `<p>{{workspace}} invites <strong>{{organization}}</strong> to sign on to the letter
<strong>“{{title}}”</strong>.</p>
${invitationNoteHtml}<blockquote style="border-left: 3px solid #ccc; margin: 1em 0; padding-left: 1em; color: #333">{{excerpt}}</blockquote>
<p>Sign-ons close on <strong>{{deadline}}</strong>.</p>
<p><a href="{{link}}">Read the full letter and sign on</a></p>
<p style="font-size: 0.9em">Not for you? <a href="{{declineLink}}">Decline this invitation</a>.</p>
${passOnHtml}
${replyHtml}`,
  text: `{{workspace}} invites {{organization}} to sign on to the letter "{{title}}".

${invitationNoteText}{{excerpt}}

Sign-ons close on {{deadline}}.

Read the full letter and sign on:
{{link}}

Not for you? Decline this invitation:
{{declineLink}}

${passOnText}

${replyText}`,
};

/** A reminder before the deadline, to organizations that have not answered. */
export const signOnReminder = {
  subject: 'Reminder: sign-ons for “{{title}}” close {{deadline}}',
  html: `<p>A reminder from {{workspace}}: the letter <strong>“{{title}}”</strong> is still open for
<strong>{{organization}}</strong> to sign on, until <strong>{{deadline}}</strong>.</p>
${invitationNoteHtml}<p><a href="{{link}}">Read the letter and sign on</a> · <a href="{{declineLink}}">Decline</a></p>
${passOnHtml}
${replyHtml}`,
  text: `A reminder from {{workspace}}: the letter "{{title}}" is still open for {{organization}} to sign on, until {{deadline}}.

${invitationNoteText}Read the letter and sign on:
{{link}}

Decline:
{{declineLink}}

${passOnText}

${replyText}`,
};
