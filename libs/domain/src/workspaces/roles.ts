/** Workspace roles, from most to least power. */
export enum Role {
  Owner = 'owner',
  Lead = 'lead',
  Coordinator = 'coordinator',
  Editor = 'editor',
  Viewer = 'viewer',
}

const rank: Record<Role, number> = {
  [Role.Owner]: 5,
  [Role.Lead]: 4,
  [Role.Coordinator]: 3,
  [Role.Editor]: 2,
  [Role.Viewer]: 1,
};

export const roles = Object.values(Role);

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (roles as string[]).includes(value);
}

/** True when `role` has at least the power of `minimum`. */
export function atLeast(role: Role, minimum: Role): boolean {
  return rank[role] >= rank[minimum];
}
