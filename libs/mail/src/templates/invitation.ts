/** A member organization is invited to sign a letter. */
export const signOnInvitation = {
  subject: 'Invitation to sign: {{title}}',
  html: `<p>{{workspace}} invites <strong>{{organization}}</strong> to sign on to the letter
<strong>“{{title}}”</strong>.</p>
<blockquote style="border-left: 3px solid #ccc; margin: 1em 0; padding-left: 1em; color: #333">{{excerpt}}</blockquote>
<p>Sign-ons close on <strong>{{deadline}}</strong>.</p>
<p><a href="{{link}}">Read the full letter and sign on</a></p>
<p style="font-size: 0.9em">Not for you? <a href="{{declineLink}}">Decline this invitation</a>. The link is for your organization only; please do not forward it.</p>`,
  text: `{{workspace}} invites {{organization}} to sign on to the letter "{{title}}".

{{excerpt}}

Sign-ons close on {{deadline}}.

Read the full letter and sign on:
{{link}}

Not for you? Decline this invitation:
{{declineLink}}

The link is for your organization only; please do not forward it.`,
};

/** A reminder before the deadline, to organizations that have not answered. */
export const signOnReminder = {
  subject: 'Reminder: sign-ons for “{{title}}” close {{deadline}}',
  html: `<p>A reminder from {{workspace}}: the letter <strong>“{{title}}”</strong> is still open for
<strong>{{organization}}</strong> to sign on, until <strong>{{deadline}}</strong>.</p>
<p><a href="{{link}}">Read the letter and sign on</a> · <a href="{{declineLink}}">Decline</a></p>`,
  text: `A reminder from {{workspace}}: the letter "{{title}}" is still open for {{organization}} to sign on, until {{deadline}}.

Read the letter and sign on:
{{link}}

Decline:
{{declineLink}}`,
};
