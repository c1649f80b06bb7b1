/**
 * The editor's lazy chunk (CodeMirror and the Markdown renderer): its route loads it
 * (app.tsx), and the letter's page asks for it ahead of time when it shows the Edit link,
 * so following the link does not wait for the download. The browser fetches a module once.
 */
export const loadEditor = () => import('./editor-page');
