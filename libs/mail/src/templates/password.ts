/** Someone asked for a new password for this address (it may not have been its owner). */
export const passwordReset = {
  subject: 'Choose a new Signatory password',
  html: `<p>Someone, probably you, asked to choose a new password for the Signatory account of {{email}}.</p>
<p><a href="{{link}}">Choose a new password</a></p>
<p>The link works once and until {{expires}}. If you did not ask, ignore this message: your password stays as it is.</p>`,
  text: `Someone, probably you, asked to choose a new password for the Signatory account of {{email}}.

Choose a new password:
{{link}}

The link works once and until {{expires}}. If you did not ask, ignore this message: your password stays as it is.`,
};

/** The password was changed (signed in, or through a reset link): a stolen account shows. */
export const passwordChanged = {
  subject: 'Your Signatory password was changed',
  html: `<p>The password of the Signatory account of {{email}} was changed on {{when}}.</p>
<p>{{signedOut}}</p>
<p>If this was not you, ask for a new password at <a href="{{resetLink}}">{{resetLink}}</a> at once.</p>`,
  text: `The password of the Signatory account of {{email}} was changed on {{when}}.

{{signedOut}}

If this was not you, ask for a new password at once:
{{resetLink}}`,
};
