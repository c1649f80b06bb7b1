import type { components } from '../../../api/schema';
import { activitySentence } from './activity-sentence';
import { curveGeometry } from './curve';

type ActivityEvent = components['schemas']['ActivityEventView'];

const event = (action: string, data: object, actor: Partial<ActivityEvent['actor']> = {}) =>
  ({
    seq: 1,
    at: '2026-12-03T10:00:00.000Z',
    action,
    actor: { type: 'signer', id: 'x', ...actor },
    subject: { type: 'signature', id: 's' },
    data,
  }) as ActivityEvent;

describe('the activity feed in sentences', () => {
  it('names the organization when the event recorded its name', () => {
    expect(
      activitySentence(
        event('signature.signed', { displayName: 'Green Earth Alliance', revision: 2 }),
      ),
    ).toBe('Green Earth Alliance signed revision 2');
    expect(activitySentence(event('signature.withdrawn', { organizationId: 'o' }))).toBe(
      'An organization withdrew its sign-on',
    );
  });

  it('names the member who acted, or says what kind of actor it was', () => {
    const cora = { type: 'user' as const, name: 'Cora' };
    expect(activitySentence(event('signature.rejected', {}, cora))).toBe('Cora rejected a sign-on');
    expect(
      activitySentence(event('signature.edited', { from: 'Grene Earth', to: 'Green Earth' }, cora)),
    ).toBe('Cora corrected the name “Grene Earth” to “Green Earth”');
    expect(activitySentence(event('letter.invited', { count: 1 }, { type: 'user' }))).toBe(
      'A former member invited 1 organization',
    );
    expect(activitySentence(event('invitation.sent', {}, { type: 'system' }))).toBe(
      'An invitation was delivered',
    );
  });

  it('shows a decline’s reason, and an unknown action by its code', () => {
    expect(activitySentence(event('invitation.declined', { reason: 'Out of scope' }))).toBe(
      'An invited organization declined: “Out of scope”',
    );
    expect(activitySentence(event('letter.archived', {}, { type: 'system' }))).toBe(
      'Signatory: letter.archived',
    );
  });
});

describe('the sign-ons chart', () => {
  it('steps up at each sign-on, carries on to now, and marks the deadline', () => {
    const g = curveGeometry(
      [
        { at: 0, count: 1 },
        { at: 50, count: 2 },
      ],
      { deadline: 100, now: 60, width: 100, height: 10 },
    );
    expect(g.path).toBe('M0,10 H0 V5 H50 V0 H60');
    expect(g.deadlineX).toBe(100);
    expect(g.yMax).toBe(2);
  });

  it('starts at 0 now with no sign-on yet; past the deadline the axis ends now', () => {
    const g = curveGeometry([], { deadline: 600, now: 500, width: 100, height: 10 });
    expect(g.path).toBe('M0,10 H0');
    expect(g.deadlineX).toBe(100);
    expect(curveGeometry([], { deadline: null, now: 5, width: 1, height: 1 }).deadlineX).toBeNull();
    const late = curveGeometry([{ at: 0, count: 3 }], {
      deadline: 50,
      now: 100,
      width: 100,
      height: 10,
    });
    expect(late.deadlineX).toBe(50);
    expect(late.path.endsWith('H100')).toBe(true);
  });
});
