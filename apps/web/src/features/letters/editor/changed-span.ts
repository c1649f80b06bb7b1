/**
 * The span of `next` that differs from `current`, found from both ends: everything before
 * `start` and the last `keptTail` items are the same in both. For a typed key in a long
 * body, one block or two: the preview replaces those and leaves the rest of its DOM (and
 * Chromium's layout of it) alone.
 */
export function changedSpan<A, B>(
  current: readonly A[],
  next: readonly B[],
  same: (a: A, b: B) => boolean,
): { start: number; keptTail: number } {
  let start = 0;
  while (start < current.length && start < next.length && same(current[start], next[start])) {
    start++;
  }
  let keptTail = 0;
  while (
    keptTail < current.length - start &&
    keptTail < next.length - start &&
    same(current[current.length - 1 - keptTail], next[next.length - 1 - keptTail])
  ) {
    keptTail++;
  }
  return { start, keptTail };
}
