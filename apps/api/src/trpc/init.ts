import { DomainError } from '@muster/domain';
import { initTRPC, TRPCError } from '@trpc/server';
import { textProblems, type FieldCodes, type RefusalCode, type Role } from '@muster/contracts';
import type { core } from 'zod';
import type { Context } from './context.ts';

/** A problem with the input: one of zod's issues, or text that cannot be stored (`code` then the refusal's own). */
type Issue = {
  path?: ReadonlyArray<PropertyKey | { key: PropertyKey }>;
  message: string;
  code?: core.$ZodIssueCode | 'unstorable_text';
};

function hasIssues(cause: unknown): cause is { issues: Issue[] } {
  return typeof cause === 'object' && cause !== null && Array.isArray((cause as { issues?: unknown }).issues);
}

/**
 * The refusal code of each kind of input problem: every zod issue code has one, or this does not
 * compile. Muster's own words, so a published code does not change when zod renames its issues.
 */
const inputCodes = {
  invalid_type: 'input.wrong_type',
  invalid_value: 'input.not_an_option',
  invalid_format: 'input.wrong_format',
  invalid_union: 'input.wrong_shape',
  invalid_key: 'input.wrong_key',
  invalid_element: 'input.wrong_element',
  too_small: 'input.below_minimum',
  too_big: 'input.above_maximum',
  not_multiple_of: 'input.not_a_multiple',
  unrecognized_keys: 'input.unknown_field',
  custom: 'input.rule_not_met',
  unstorable_text: 'input.unstorable_text',
} as const satisfies Record<NonNullable<Issue['code']>, RefusalCode>;

/**
 * Field errors keyed by dotted path ("scores.courage"), errors about the whole input under "", and
 * their codes under the same keys, one for each message.
 */
function fieldErrorsOf(issues: Issue[]): { fieldErrors: Record<string, string[]>; fieldCodes: FieldCodes } {
  const fieldErrors: Record<string, string[]> = {};
  const fieldCodes: FieldCodes = {};
  for (const issue of issues) {
    const key = (issue.path ?? []).map((p) => String(typeof p === 'object' ? p.key : p)).join('.');
    (fieldErrors[key] ??= []).push(issue.message);
    // An issue whose code is missing or not in the table (a newer zod) counts as a rule not met.
    (fieldCodes[key] ??= []).push(inputCodes[issue.code ?? 'custom'] ?? inputCodes.custom);
  }
  return { fieldErrors, fieldCodes };
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
      const { fieldErrors, fieldCodes } = fieldErrorsOf(cause.issues);
      const first = Object.entries(fieldErrors)
        .map(([k, v]) => (k ? `${k}: ${v[0]}` : v[0]))
        .slice(0, 3)
        .join(' ');
      return { ...shape, message: `Some details need correcting. ${first}`, data: { ...data, fieldErrors, fieldCodes } };
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
      cause: new InputTextError(problems.map((p) => ({ path: p.path, message: p.message, code: 'unstorable_text' }))),
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
