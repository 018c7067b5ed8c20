export * from './enums.ts';
export * from './common.ts';
export * from './applications.ts';
export * from './auth.ts';
export * from './intake.ts';
export * from './text.ts';
export * from './limits.ts';
export * from './refusals.ts';
