import * as coordination from '../services/coordination.ts';
import { authedProcedure, router } from '../trpc/init.ts';

/** The coordinator's home. Who may read it is the domain's (mayUseCoordination); the service refuses the rest. */
export const coordinationRouter = router({
  home: authedProcedure.query(({ ctx }) => coordination.coordinationHome(ctx)),
});
