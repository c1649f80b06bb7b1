import type { UserEntity } from '@app/domain';

export interface UserView {
  id: string;
  email: string;
  name: string;
}

export const userView = (user: UserEntity): UserView => ({
  id: user.id,
  email: user.email,
  name: user.name,
});
