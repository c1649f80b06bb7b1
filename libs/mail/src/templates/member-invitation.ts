/** Someone without an account is invited to a workspace. */
export const memberInvitation = {
  subject: 'Join {{workspace}} on Signatory',
  html: `<p>{{inviter}} invites you to join <strong>{{workspace}}</strong> on Signatory as {{roleWithArticle}}.</p>
<p><a href="{{link}}">Accept the invitation and choose your password</a></p>
<p>The link works once and until {{expires}}. If you did not expect this, ignore this message.</p>`,
  text: `{{inviter}} invites you to join {{workspace}} on Signatory as {{roleWithArticle}}.

Accept the invitation and choose your password:
{{link}}

The link works once and until {{expires}}. If you did not expect this, ignore this message.`,
};
