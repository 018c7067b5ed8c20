export * from './client.ts';
export * from './prepared.ts';
export * from './reference-data.ts';
export * as schema from './schema/index.ts';
export * from './schema/index.ts';
