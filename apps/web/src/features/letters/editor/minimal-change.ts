/**
 * The smallest replacement turning `from` into `to` (what lies between their common start
 * and common end), so that a value set from outside the editor moves the cursor and fills
 * the undo history only where the text really changed.
 */
export function minimalChange(from: string, to: string) {
  let start = 0;
  while (start < from.length && start < to.length && from[start] === to[start]) start++;
  let end = 0;
  while (
    end < from.length - start &&
    end < to.length - start &&
    from[from.length - 1 - end] === to[to.length - 1 - end]
  ) {
    end++;
  }
  return { from: start, to: from.length - end, insert: to.slice(start, to.length - end) };
}
