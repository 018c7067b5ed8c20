import type { AppRouter } from '@muster/api';
import type { inferRouterOutputs } from '@trpc/server';

export type Outputs = inferRouterOutputs<AppRouter>;
export type Reference = Outputs['reference']['all'];
export type PoolMember = Outputs['reference']['mentors'][number];
