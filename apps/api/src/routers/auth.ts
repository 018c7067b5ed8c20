import { LoginInput, type Me } from '@muster/contracts';
import * as auth from '../services/auth.ts';
import { authedProcedure, publicProcedure, router } from '../trpc/init.ts';

export const authRouter = router({
  login: publicProcedure.input(LoginInput).mutation(async ({ ctx, input }) => {
    const { token, me, endedSessions } = await auth.login(ctx, input);
    ctx.cookie.set(token);
    ctx.logger.info('login', { userId: me.id, requestId: ctx.requestId, endedSessions });
    return me;
  }),
  logout: authedProcedure.mutation(({ ctx }) => {
    auth.logout(ctx.db, ctx.actor.tokenHash);
    ctx.cookie.clear();
    return { ok: true as const };
  }),
  me: authedProcedure.query(({ ctx }): Me => {
    const { tokenHash: _t, ...me } = ctx.actor;
    return me;
  }),
});
