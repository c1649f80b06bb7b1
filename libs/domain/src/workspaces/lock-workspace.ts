import type { EntityManager } from 'typeorm';

/**
 * Serialises changes to one workspace's members and audit chain within a transaction.
 * PostgreSQL locks the row; SQLite already runs one write transaction at a time.
 */
export async function lockWorkspace(manager: EntityManager, workspaceId: string): Promise<void> {
  if (manager.connection.options.type === 'postgres') {
    await manager.query('SELECT id FROM workspaces WHERE id = $1 FOR UPDATE', [workspaceId]);
  }
}
