/**
 * The pages of an organization's sign-on link (/sign/:token). Every form carries the
 * link's form check (`form`); the token in the URL is the only credential.
 */

const summary = `<dl class="summary">{{#each rows}}<dt>{{term}}</dt><dd dir="auto">{{value}}</dd>{{/each}}</dl>`;

const checked = `<input type="hidden" name="form" value="{{formToken}}">`;

// A preview (the lead's proof of the page, `preview` in the model) shows the forms exactly,
// but they cannot be sent: no method or action, and every control in a disabled fieldset.
const formOpen = (action: string) =>
  `<form{{#unless preview}} method="post" action="${action}"{{/unless}}>{{#if preview}}<fieldset class="preview" disabled>{{/if}}${checked}`;
const formClose = `{{#if preview}}</fieldset>{{/if}}</form>`;

export const signPage = `<a class="skip" href="#respond">Skip to {{respond.heading}}</a>
{{#if preview}}<p class="notice" role="note"><strong>Preview.</strong> {{preview.banner}}</p>
{{/if}}<p class="note" dir="auto">Sign-on link for {{organization}}</p>
<h1 dir="auto">{{letter.title}}</h1>
<p>{{statusText}} <strong>{{signedCountText}}</strong></p>
{{> letterText}}
<section id="respond" aria-labelledby="respond-heading" tabindex="-1">
<h2 id="respond-heading">{{respond.heading}}</h2>
{{#each respond.notices}}<p class="notice">{{this}}</p>
{{/each}}{{#if respond.current}}{{#with respond.current}}${summary}{{/with}}
{{/if}}{{#if respond.actions}}<div class="actions">
{{#if respond.actions.confirm}}<form method="post" action="/sign/{{token}}/confirm">${checked}<button type="submit">{{respond.actions.confirm}}</button></form>
{{/if}}{{#if respond.actions.withdraw}}<form method="post" action="/sign/{{token}}/withdraw">${checked}<button type="submit" class="secondary">Withdraw our sign-on</button></form>
{{/if}}</div>
{{/if}}{{#if form}}{{#if respond.current}}<h3>Correct your sign-on</h3>
<p class="note">Change what you need, tick both boxes again, and save; we email you a new receipt.</p>
{{/if}}${formOpen('/sign/{{token}}')}
{{> signerFields}}
<button type="submit">{{respond.submit}}</button>
${formClose}
{{/if}}</section>
{{#if decline}}<section aria-labelledby="decline-heading">
<h2 id="decline-heading">Not signing?</h2>
<p>Let the coordinators know: {{#if preview}}<u>decline this invitation</u>{{else}}<a href="/sign/{{token}}/decline">decline this invitation</a>{{/if}}. You can still sign later while sign-ons are open.</p>
</section>
{{/if}}{{#if delegate}}<section aria-labelledby="delegate-heading">
<h2 id="delegate-heading">Pass this on to a colleague</h2>
<p>Someone else should decide? We email them their own link, and this one stops working.</p>
${formOpen('/sign/{{token}}/delegate')}
{{#if delegate.error}}<p class="error" role="alert" id="delegate-error" tabindex="-1"{{#unless delegate.error.field}} autofocus{{/unless}}>{{delegate.error.message}}</p>
{{/if}}<label for="delegate-email">Colleague’s email address</label>
<input id="delegate-email" name="email" type="email" autocomplete="off" maxlength="320" required value="{{delegate.email}}"{{#if delegate.emailInvalid}} aria-invalid="true" aria-describedby="delegate-error" autofocus{{/if}}>
<label for="delegate-from">Your name <span class="note">(optional)</span></label>
<span class="hint" id="delegate-from-hint">Shown to your colleague in the email.</span>
<input id="delegate-from" name="fromName" type="text" autocomplete="name" maxlength="200" dir="auto" value="{{delegate.fromName}}" aria-describedby="delegate-from-hint{{#if delegate.fromNameInvalid}} delegate-error{{/if}}"{{#if delegate.fromNameInvalid}} aria-invalid="true" autofocus{{/if}}>
<button type="submit">Send my colleague a link</button>
${formClose}
</section>
{{/if}}`;

export const declinePage = `<h1 dir="auto">Decline: {{title}}</h1>
{{#if canDecline}}<p dir="auto">Tell the coordinators that {{organization}} will not sign this letter. While sign-ons are open you can still change your mind and sign from the same link.</p>
<form method="post" action="/sign/{{token}}/decline">${checked}
{{#if error}}<p class="error" role="alert" id="form-error" tabindex="-1">{{error.message}}</p>
{{/if}}<label for="reason">Reason <span class="note">(optional)</span></label>
<span class="hint" id="reason-hint">Seen only by the coordinators of this letter.</span>
<textarea id="reason" name="reason" maxlength="1000" dir="auto" aria-describedby="reason-hint{{#if error}} form-error{{/if}}"{{#if error}} aria-invalid="true" autofocus{{/if}}>{{reason}}</textarea>
<button type="submit">Decline the invitation</button>
</form>
{{else}}<p>{{reasonNot}}</p>
{{/if}}<p><a href="/sign/{{token}}">Back to the letter</a></p>`;

/** What a POST did: a receipt, a withdrawal, a confirmation, a hand-over. */
export const signResult = `<h1>{{heading}}</h1>
{{#each paragraphs}}<p dir="auto">{{this}}</p>
{{/each}}{{#if rows.length}}${summary}
{{/if}}{{#if back}}<p><a href="{{back.href}}">{{back.text}}</a></p>{{/if}}`;

/** Any refusal the page cannot show inside a form: dead link, closed letter, limits. */
export const problemPage = `<h1>{{heading}}</h1>
<p dir="auto">{{message}}</p>
{{#if hint}}<p class="note">{{hint}}</p>{{/if}}`;
