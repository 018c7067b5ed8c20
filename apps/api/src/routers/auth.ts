import { LoginInput, type Me, type SignedInUser } from '@muster/contracts';
import { capabilities } from '@muster/domain';
import * as auth from '../services/auth.ts';
import { authedProcedure, publicProcedure, router } from '../trpc/init.ts';

/** The user, with the parts of the app they may use (computed in the domain). */
const signedIn = (me: Me): SignedInUser => ({ ...me, may: capabilities(me) });

export const authRouter = router({
  login: publicProcedure.input(LoginInput).mutation(async ({ ctx, input }) => {
    const { token, me, endedSessions } = await auth.login(ctx, input);
    ctx.cookie.set(token);
    ctx.logger.info('login', { userId: me.id, requestId: ctx.requestId, endedSessions });
    return signedIn(me);
  }),
  logout: authedProcedure.mutation(({ ctx }) => {
    auth.logout(ctx.db, ctx.actor.tokenHash);
    ctx.cookie.clear();
    return { ok: true as const };
  }),
  me: authedProcedure.query(({ ctx }): SignedInUser => {
    const { tokenHash: _t, ...me } = ctx.actor;
    return signedIn(me);
  }),
});
