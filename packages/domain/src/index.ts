export * from './errors.ts';
export * from './case.ts';
export * from './dates.ts';
export * from './reference.ts';
export * from './access.ts';
export * from './pipeline.ts';
export * from './records.ts';
