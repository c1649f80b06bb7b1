// Messages to a signer when a coordinator changes their sign-on: approved, not accepted,
// or the printed name corrected. One message says everything one change did. Only the
// signer's own sign-on is mentioned, never anyone else's.

/** Flags `approved`, `rejected`, `renamed` say what changed; `reason` and `link` may be null. */
export const signatureModerated = {
  subject:
    '{{#if rejected}}Sign-on not accepted{{else if approved}}Sign-on accepted{{else}}Sign-on corrected{{/if}}: {{title}}',
  html: `<p>About the sign-on of <strong>{{organization}}</strong> to the letter <strong>“{{title}}”</strong> ({{workspace}}):</p>
{{#if approved}}<p>The coordinators approved it. <strong>{{displayName}}</strong> is listed as a signatory.</p>
{{/if}}{{#if rejected}}<p>The coordinators did not accept it, so <strong>{{displayName}}</strong> will not be listed as a signatory.{{#if reason}} Their reason: “{{reason}}”.{{/if}} If you think this is a mistake, reply to this message.</p>
{{/if}}{{#if renamed}}<p>The coordinators corrected how the name will be printed: from “{{previousName}}” to <strong>“{{displayName}}”</strong>. If that is not right, reply to this message.</p>
{{/if}}{{#if link}}<p><a href="{{link}}">Your sign-on</a> (the link is for your organization only).</p>
{{/if}}`,
  text: `About the sign-on of {{organization}} to the letter "{{title}}" ({{workspace}}):
{{#if approved}}
The coordinators approved it. "{{displayName}}" is listed as a signatory.
{{/if}}{{#if rejected}}
The coordinators did not accept it, so "{{displayName}}" will not be listed as a signatory.{{#if reason}} Their reason: "{{reason}}".{{/if}} If you think this is a mistake, reply to this message.
{{/if}}{{#if renamed}}
The coordinators corrected how the name will be printed: from "{{previousName}}" to "{{displayName}}". If that is not right, reply to this message.
{{/if}}{{#if link}}
Your sign-on (the link is for your organization only):
{{link}}
{{/if}}`,
};
