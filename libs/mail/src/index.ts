export * from './mail-message.entity';
export * from './mail-transport';
export * from './mail.errors';
export * from './mail.module';
export * from './mail.service';
export * from './mail-templates';
export * from './templates/member-invitation';
export * from './templates/invitation';
