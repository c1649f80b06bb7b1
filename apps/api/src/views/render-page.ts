import Handlebars from 'handlebars';

/** Server-rendered pages: Handlebars with escaping on, no external assets, no scripts. */
const engine = Handlebars.create();

const layout = engine.compile(
  `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{title}} · Signatory</title>
<style>
body { font-family: Georgia, 'Times New Roman', serif; color: #1a1a1a; background: #fff;
  max-width: 38em; margin: 0 auto; padding: 1.5em 1em; line-height: 1.55; }
h1 { font-size: 1.5em; line-height: 1.25; }
label { display: block; margin-top: 1em; font-weight: bold; }
input { font: inherit; width: 100%; box-sizing: border-box; padding: .5em; margin-top: .25em;
  border: 1px solid #555; border-radius: 4px; }
input:focus, button:focus { outline: 3px solid #1d4ed8; outline-offset: 2px; }
button { font: inherit; margin-top: 1.5em; padding: .6em 1.4em; background: #1d4ed8; color: #fff;
  border: none; border-radius: 4px; cursor: pointer; }
.note { color: #444; font-size: .95em; }
.error { color: #9b1c1c; border-left: 4px solid #9b1c1c; padding-left: .75em; }
</style></head>
<body><main>{{{body}}}</main></body></html>`,
  { strict: true },
);

export function renderPage(title: string, template: string, context: object): string {
  const body = engine.compile(template, { strict: true })(context);
  return layout({ title, body });
}

/** Pages carry a strict policy of their own: nothing loads from anywhere, no scripts. */
export const PAGE_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
