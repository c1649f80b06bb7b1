import { memo, useLayoutEffect, useRef } from 'react';
import { changedSpan } from './changed-span';

/**
 * Sanitised HTML (the server's renderer) shown by replacing only the top-level blocks that
 * changed, not the whole: `dangerouslySetInnerHTML` swapped 3,000 words of DOM at every key
 * and Chromium laid them all out again (11 ms a key, docs/performance.md). The new HTML is
 * parsed in a detached <template> (inert: nothing in it loads or runs), compared with the
 * DOM block by block from both ends (changed-span.ts), and the differing span moved in.
 */
export const PreviewHtml = memo(function PreviewHtml({
  html,
  className,
}: {
  html: string;
  className: string;
}) {
  const host = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const container = host.current;
    if (!container) return;
    const template = document.createElement('template');
    template.innerHTML = html;
    const next = Array.from(template.content.childNodes);
    const current = Array.from(container.childNodes);
    const { start, keptTail } = changedSpan(current, next, (a, b) => a.isEqualNode(b));
    const before = current[current.length - keptTail] ?? null;
    for (const node of current.slice(start, current.length - keptTail)) node.remove();
    for (const node of next.slice(start, next.length - keptTail)) {
      container.insertBefore(node, before);
    }
  }, [html]);
  return <div ref={host} className={className} />;
});
