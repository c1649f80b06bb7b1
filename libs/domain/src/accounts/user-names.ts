import { In, type EntityManager } from 'typeorm';
import { UserEntity } from './user.entity';

/**
 * The names of the given users, in one query, for lists that show who did what (the
 * activity feed, comments). A user who deleted their account is simply missing.
 */
export async function userNames(
  manager: EntityManager,
  ids: Iterable<string>,
): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const users = await manager
    .getRepository(UserEntity)
    .find({ where: { id: In(unique) }, select: { id: true, name: true } });
  return new Map(users.map((u) => [u.id, u.name]));
}
