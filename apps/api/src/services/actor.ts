import type { Actor } from '@muster/domain';
import type { Context } from '../trpc/context.ts';

/** The acting user and the clock, as the services need them. */
export type ServiceCtx = Pick<Context, 'db' | 'now'> & { actor: Actor & { name: string } };
