// Letters are emailed and printed, so a link has to work out of context: only absolute web
// addresses (with a host) and mail addresses. Relative paths, #anchors, protocol-relative
// //host links and every other scheme (javascript:, data:, vbscript:, file:…) are refused.
// Anchored at the start, so leading whitespace or control characters cannot smuggle a scheme in.
const ALLOWED_LINK = /^(?:https?:\/\/[^\s/?#\\]|mailto:\S)/i;

/** Whether a (markdown-it normalized) link destination may appear in a letter. */
export function isAllowedLink(url: string): boolean {
  return ALLOWED_LINK.test(url);
}
