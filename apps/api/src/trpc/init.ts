import { DomainError } from '@muster/domain';
import { initTRPC, TRPCError } from '@trpc/server';
import { textProblems, type Role } from '@muster/contracts';
import type { Context } from './context.ts';

type Issue = { path?: ReadonlyArray<PropertyKey | { key: PropertyKey }>; message: string };

function hasIssues(cause: unknown): cause is { issues: Issue[] } {
  return typeof cause === 'object' && cause !== null && Array.isArray((cause as { issues?: unknown }).issues);
}

/** Field errors keyed by dotted path ("scores.courage"); errors about the whole input under "". */
function fieldErrorsOf(issues: Issue[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of issues) {
    const key = (issue.path ?? []).map((p) => String(typeof p === 'object' ? p.key : p)).join('.');
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

export const internalErrorMessage = (requestId: string) =>
  `Something went wrong on our side and nothing was changed. If it keeps happening, report reference ${requestId}.`;

const t = initTRPC.context<Context>().create({
  isDev: false,
  errorFormatter({ shape, error, ctx }) {
    const { stack: _stack, ...data } = shape.data;
    const cause = error.cause;
    if (error.code === 'INTERNAL_SERVER_ERROR') {
      const requestId = ctx?.requestId ?? 'unknown';
      return { ...shape, message: internalErrorMessage(requestId), data: { ...data, requestId } };
    }
    if (error.code === 'PAYLOAD_TOO_LARGE') {
      // Raised while the body is read, past the limit app.ts chose for this request.
      return { ...shape, message: 'The request is larger than Muster accepts; nothing was changed.' };
    }
    if (cause instanceof DomainError) {
      return { ...shape, data: { ...data, ...cause.details } };
    }
    if (error.code === 'BAD_REQUEST' && hasIssues(cause)) {
      const fieldErrors = fieldErrorsOf(cause.issues);
      const first = Object.entries(fieldErrors)
        .map(([k, v]) => (k ? `${k}: ${v[0]}` : v[0]))
        .slice(0, 3)
        .join(' ');
      return { ...shape, message: `Some details need correcting. ${first}`, data: { ...data, fieldErrors } };
    }
    return shape;
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Turns a DomainError thrown by a service into the tRPC error with the same meaning. */
const domainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof DomainError) {
    const cause = result.error.cause;
    throw new TRPCError({ code: cause.code, message: cause.message, cause });
  }
  return result;
});

/** A BAD_REQUEST cause listing problems by field, as zod's errors do: the formatter makes them `fieldErrors`. */
class InputTextError extends Error {
  constructor(readonly issues: Issue[]) {
    super('The input has text that cannot be stored.');
  }
}

/**
 * Every string of every input, whatever its procedure, is well-formed Unicode with no control
 * characters but tab and line breaks: refused before any procedure sees it, naming the field.
 */
const storableText = t.middleware(async ({ getRawInput, next }) => {
  const problems = textProblems(await getRawInput());
  if (problems.length) {
    throw new TRPCError({
      code: 'BAD_REQUEST',
      message: 'Some text cannot be stored.',
      cause: new InputTextError(problems.map((p) => ({ path: p.path, message: p.message }))),
    });
  }
  return next();
});

export const publicProcedure = t.procedure.use(storableText).use(domainErrors);

export const authedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.actor) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Your session has ended. Sign in again to carry on.' });
  return next({ ctx: { ...ctx, actor: ctx.actor } });
});

const roleProcedure = (...roles: Role[]) =>
  authedProcedure.use(({ ctx, next }) => {
    if (!roles.includes(ctx.actor.role)) {
      throw new TRPCError({
        code: 'FORBIDDEN',
        message: `This needs the ${roles.join(' or ')} role; you are signed in as ${ctx.actor.role}.`,
      });
    }
    return next();
  });

/** Create cases and work them through review, checks and closing. */
export const resourcingProcedure = roleProcedure('resourcing');
/** Case work that resourcing, unit leads and coordinators share; each service scopes it to the actor's cases. */
export const caseworkProcedure = roleProcedure('resourcing', 'unit_lead', 'coordinator');
export const adminProcedure = roleProcedure('admin');
