import type { EntityManager } from 'typeorm';
import { AuditEventEntity } from './audit-event.entity';
import { GENESIS, hashOf, type AuditChainStrategy, type AuditRow } from './audit-chain';

/**
 * SQLite: an event is chained in the transaction that records it. One write transaction
 * runs at a time there anyway, so reading the chain's last event and appending after it
 * cannot race; nothing is ever left to seal.
 */
export class InlineChain implements AuditChainStrategy {
  /** `onChained` hears of the events chained by a write, in its transaction. */
  constructor(
    private readonly onChained?: (manager: EntityManager, events: AuditEventEntity[]) => void,
  ) {}

  async write(manager: EntityManager, rows: AuditRow[]): Promise<AuditEventEntity[]> {
    const chained: AuditEventEntity[] = [];
    const lastOf = new Map<string, { seq: number; hash: string }>();
    for (const row of rows) {
      let last = lastOf.get(row.workspaceId);
      if (!last) {
        const found = await manager.findOne(AuditEventEntity, {
          where: { workspaceId: row.workspaceId },
          order: { seq: 'DESC' },
        });
        last = { seq: found?.seq ?? 0, hash: found?.hash ?? GENESIS };
      }
      const linked = { ...row, seq: last.seq + 1, prevHash: last.hash };
      const entity = manager.create(AuditEventEntity, { ...linked, hash: hashOf(linked) });
      chained.push(entity);
      lastOf.set(row.workspaceId, { seq: linked.seq, hash: entity.hash! });
    }
    await manager
      .createQueryBuilder()
      .insert()
      .into(AuditEventEntity)
      .values(chained)
      .updateEntity(false)
      .execute();
    this.onChained?.(manager, chained);
    return chained;
  }

  seal(_workspaceId: string): Promise<void> {
    return Promise.resolve();
  }

  sealLetter(_letterId: string): Promise<void> {
    return Promise.resolve();
  }

  start(): Promise<void> {
    return Promise.resolve();
  }

  stop(): Promise<void> {
    return Promise.resolve();
  }
}
