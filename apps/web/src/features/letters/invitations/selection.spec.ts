import { canRevoke, inviteBody, noteProblems, statusWords } from './selection';

describe('inviteBody', () => {
  it('all, one tag, several tags, picked ones; a blank note is no note', () => {
    expect(inviteBody({ kind: 'all' }, '  ')).toEqual({
      body: { allOrganizations: true, note: undefined },
    });
    expect(inviteBody({ kind: 'tag', tag: ' press ' }, 'Hi')).toEqual({
      body: { tag: 'press', note: 'Hi' },
    });
    expect(inviteBody({ kind: 'tag', tag: 'press, legal;press' }, '')).toEqual({
      body: { tags: ['press', 'legal'], note: undefined },
    });
    expect(inviteBody({ kind: 'picked', ids: ['a', 'b'] }, '')).toEqual({
      body: { organizationIds: ['a', 'b'], note: undefined },
    });
  });

  it('says what is missing instead of sending an empty selection', () => {
    expect(inviteBody({ kind: 'tag', tag: ' , ' }, '')).toEqual({ problem: 'Type a tag.' });
    expect(inviteBody({ kind: 'picked', ids: [] }, '')).toEqual({
      problem: 'Pick at least one organization.',
    });
  });
});

describe('noteProblems', () => {
  it('lists the note’s refused constructs by line, ignoring other details', () => {
    expect(
      noteProblems([
        { field: 'note', line: 7, construct: 'raw HTML' },
        {
          field: 'note',
          line: 3,
          construct: 'table',
          problems: ['line 3: tables are not allowed'],
        },
        { field: 'tag', problems: ['must be a string'] },
        'nonsense',
      ]),
    ).toEqual(['Line 3: tables are not allowed', 'Line 7: raw HTML is not allowed']);
    expect(noteProblems(undefined)).toEqual([]);
  });
});

describe('statuses', () => {
  it('a revoked invitation reads as revoked and cannot be revoked again', () => {
    expect(statusWords('sent', true)).toBe('Revoked');
    expect(statusWords('opened', false)).toBe('Opened');
    expect(canRevoke('sent', true)).toBe(false);
    expect(canRevoke('signed', false)).toBe(false);
    expect(canRevoke('failed', false)).toBe(true);
  });
});
