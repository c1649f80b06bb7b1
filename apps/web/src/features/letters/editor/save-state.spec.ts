import { ApiError } from '../../../api/errors';
import { saveFailure, stateLabel } from './save-state';

const content = {
  title: 'T',
  date: '2026-12-01',
  addressees: [],
  salutation: 'Dear all,',
  body: 'Text.',
  closing: 'Yours,',
};

describe('what a refused save means for the editor', () => {
  it('a 409 with the current revision is a conflict holding their version', () => {
    const error = new ApiError(409, {
      statusCode: 409,
      error: 'Conflict',
      message: 'baseRevision: revision 3 is not the latest',
      currentRevision: 4,
      content,
    } as ConstructorParameters<typeof ApiError>[1]);
    expect(saveFailure(error)).toEqual({ kind: 'conflict', currentRevision: 4, theirs: content });
  });

  it('a 422 on the body lists every refused line, and says the first', () => {
    const state = saveFailure(
      new ApiError(422, {
        statusCode: 422,
        error: 'Unprocessable Entity',
        message: 'content.body: line 7: tables are not allowed',
        details: [
          {
            field: 'content.body',
            line: 7,
            construct: 'table',
            problems: ['line 7: tables are not allowed'],
          },
          {
            field: 'content.body',
            line: 9,
            construct: 'image',
            problems: ['line 9: images are not allowed'],
          },
          { field: 'content.title', problems: ['too long'] },
        ],
      }),
    );
    expect(state).toEqual({
      kind: 'failed',
      reason: 'content.body: line 7: tables are not allowed',
      bodyProblems: [
        { line: 7, message: 'line 7: tables are not allowed' },
        { line: 9, message: 'line 9: images are not allowed' },
      ],
    });
    expect(stateLabel(state)).toBe('Not saved: content.body: line 7: tables are not allowed');
  });

  it('a 5xx keeps its error id; no answer at all says so', () => {
    const failed = saveFailure(
      new ApiError(500, {
        statusCode: 500,
        error: 'Internal Server Error',
        message: 'Internal server error',
        errorId: 'e1',
      }),
    );
    expect(stateLabel(failed)).toBe('Not saved: Internal server error (error id e1)');
    expect(stateLabel(saveFailure(new TypeError('Failed to fetch')))).toBe(
      'Not saved: the server could not be reached',
    );
  });
});
