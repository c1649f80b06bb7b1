import type { components } from '../../../api/schema';
import { ApiError } from '../../../api/errors';
import type { Content } from './merge';

type Stale = components['schemas']['StaleRevisionErrorView'];

/** A line of the body the server refused, as its 422 `details` name it. */
export interface BodyProblem {
  line: number;
  message: string;
}

/** Where the draft on screen stands against the server. */
export type SaveState =
  | { kind: 'saved' }
  | { kind: 'unsaved' }
  | { kind: 'saving' }
  | { kind: 'failed'; reason: string; bodyProblems: BodyProblem[] }
  | { kind: 'conflict'; currentRevision: number; theirs: Content };

/** The words the status line says (and announces). */
export function stateLabel(state: SaveState): string {
  switch (state.kind) {
    case 'saved':
      return 'Saved';
    case 'unsaved':
      return 'Unsaved changes';
    case 'saving':
      return 'Saving…';
    case 'failed':
      return `Not saved: ${state.reason}`;
    case 'conflict':
      return 'Conflict: someone else saved first';
  }
}

const isStale = (body: unknown): body is Stale =>
  typeof body === 'object' &&
  body !== null &&
  typeof (body as Stale).currentRevision === 'number' &&
  typeof (body as Stale).content === 'object';

function bodyProblems(details: unknown[] | undefined): BodyProblem[] {
  const found: BodyProblem[] = [];
  for (const detail of details ?? []) {
    const { field, line, problems } = detail as {
      field?: unknown;
      line?: unknown;
      problems?: unknown;
    };
    if (field !== 'content.body' || typeof line !== 'number' || !Array.isArray(problems)) continue;
    const message: unknown = problems[0];
    if (typeof message === 'string') found.push({ line, message });
  }
  return found;
}

/** What a refused or failed save means for the editor: a conflict, or a reason to show. */
export function saveFailure(error: unknown): SaveState {
  if (!(error instanceof ApiError)) {
    return { kind: 'failed', reason: 'the server could not be reached', bodyProblems: [] };
  }
  if (error.status === 409 && isStale(error.body)) {
    return {
      kind: 'conflict',
      currentRevision: error.body.currentRevision,
      theirs: error.body.content,
    };
  }
  const message = error.body?.message ?? `the server answered ${error.status}`;
  const id = error.body?.errorId ? ` (error id ${error.body.errorId})` : '';
  return {
    kind: 'failed',
    reason: `${message}${id}`,
    bodyProblems: bodyProblems(error.body?.details),
  };
}
