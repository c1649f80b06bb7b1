import type { AuditEventEntity } from '../audit/audit-event.entity';
import { actingUserIds, activityEvent } from './letter-activity';

const event = (over: Partial<AuditEventEntity>): AuditEventEntity => ({
  id: 'e',
  workspaceId: 'w',
  seq: 7,
  actorType: 'user',
  actorId: 'u1',
  action: 'signature.rejected',
  subjectType: 'signature',
  subjectId: 's1',
  letterId: 'l1',
  data: '{"from":"confirmed","to":"rejected"}',
  createdAt: new Date('2026-11-02T10:30:00Z'),
  prevHash: '0',
  hash: '1',
  ...over,
});

describe('letter activity', () => {
  it('asks for each acting user once, and never for signers or the system', () => {
    const events = [
      event({}),
      event({ actorId: 'u1' }),
      event({ actorId: 'u2' }),
      event({ actorType: 'signer', actorId: 'inv-1' }),
      event({ actorType: 'system', actorId: null }),
    ];
    expect(actingUserIds(events)).toEqual(['u1', 'u2']);
  });

  it('names users who still have an account, and parses the details', () => {
    const names = new Map([['u1', 'Cora']]);
    expect(activityEvent(event({}), names)).toEqual({
      seq: 7,
      at: new Date('2026-11-02T10:30:00Z'),
      action: 'signature.rejected',
      actor: { type: 'user', id: 'u1', name: 'Cora' },
      subject: { type: 'signature', id: 's1' },
      data: { from: 'confirmed', to: 'rejected' },
    });
    expect(activityEvent(event({ actorId: 'gone' }), names).actor).toEqual({
      type: 'user',
      id: 'gone',
    });
    expect(activityEvent(event({ actorType: 'signer', actorId: 'u1' }), names).actor).toEqual({
      type: 'signer',
      id: 'u1',
    });
  });
});
