export * from './reference.ts';
export * from './users.ts';
export * from './applications.ts';
export * from './interviews.ts';
