/** The join page: a member invitation's link, where the person chooses name and password. */
export const joinForm = `<h1>Join {{workspace}}</h1>
<p>You are invited as <strong>{{role}}</strong>, with the address <strong>{{email}}</strong>.</p>
{{#if error}}<p class="error" role="alert">{{error}}</p>{{/if}}
<form method="post" action="">
{{#if hasAccount}}
  <p class="note">This address already has an account: enter its password to accept.</p>
  <input type="hidden" name="name" value="-">
{{else}}
  <label for="name">Your name</label>
  <input id="name" name="name" autocomplete="name" required maxlength="200" value="{{name}}">
{{/if}}
  <label for="password">{{#if hasAccount}}Password{{else}}Choose a password (10 to 256 characters){{/if}}</label>
  <input id="password" name="password" type="password" autocomplete="{{#if hasAccount}}current-password{{else}}new-password{{/if}}" required minlength="10" maxlength="256">
  <button type="submit">Join {{workspace}}</button>
</form>
<p class="note">The link works once and until {{expires}}.</p>`;

export const joinDone = `<h1>Welcome to {{workspace}}</h1>
<p>You joined as <strong>{{role}}</strong>, and you are signed in as <strong>{{email}}</strong>.</p>
<p><a href="{{home}}">Open {{workspace}} in Signatory</a></p>
<p class="note">Next time, sign in with this address and your password.</p>`;

export const joinProblem = `<h1>{{heading}}</h1>
<p>{{message}}</p>
<p class="note">Ask the person who invited you to send a new invitation.</p>`;
