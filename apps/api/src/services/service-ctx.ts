import type { Db } from '@muster/db';
import type { Actor } from '@muster/domain';
import type { Config } from '../config.ts';

/** The settings services read; the rest of `Config` is for the HTTP layer. */
export type ServiceSettings = Pick<Config, 'triageSlaDays'>;

/**
 * What every service is given, as its first argument: the database, the clock, the acting user and
 * the settings. Every service is `(ctx, input)`. tRPC's context satisfies it; scripts build one.
 */
export type ServiceCtx = {
  db: Db;
  now: () => Date;
  actor: Actor & { name: string };
  config: ServiceSettings;
};
