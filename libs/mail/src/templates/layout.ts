/** The frame of every HTML mail: plain, readable, no remote assets. */
export const htmlLayout = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>{{subject}}</title></head>
<body style="font-family: Georgia, serif; color: #1a1a1a; max-width: 36em; margin: 0 auto; padding: 1em; line-height: 1.5">
{{{body}}}
<hr style="border: none; border-top: 1px solid #ccc; margin-top: 2em">
<p style="font-size: 0.85em; color: #555">Sent by Signatory on behalf of {{sender}}.</p>
</body></html>`;
