import { inlineScript } from './render-page';

/**
 * The sign page's only script: the first time a person focuses or types in one of its
 * forms, it tells the API the page was opened. Mail scanners fetch links but never
 * interact, so a bare GET (no script run) records nothing.
 */
export const openedScript = inlineScript(`(function () {
  var match = /^\\/sign\\/([A-Za-z0-9_-]{43})/.exec(location.pathname);
  if (!match || !window.fetch) return;
  var sent = false;
  function opened(event) {
    if (sent || !event.target || !event.target.form) return;
    sent = true;
    document.removeEventListener('focusin', opened);
    document.removeEventListener('input', opened);
    fetch('/api/sign/' + match[1] + '/opened', { method: 'POST', credentials: 'omit', keepalive: true })
      .catch(function () {});
  }
  document.addEventListener('focusin', opened);
  document.addEventListener('input', opened);
})();`);
