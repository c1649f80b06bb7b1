import type { UserEntity } from '@app/domain';
import type { UserView } from './accounts.views';

export const userView = (user: UserEntity): UserView => ({
  id: user.id,
  email: user.email,
  name: user.name,
});
