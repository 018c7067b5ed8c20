import { refusalSections, type ApplicationRefusal, type FieldCodes, type RefusalCode, type Unmet } from '@muster/contracts';

export type DomainErrorCode =
  'NOT_FOUND' | 'FORBIDDEN' | 'PRECONDITION_FAILED' | 'CONFLICT' | 'BAD_REQUEST' | 'UNAUTHORIZED' | 'TOO_MANY_REQUESTS';

export type DomainErrorDetails = {
  /** Every unmet condition in plain words: the messages of `unmet`. */
  reasons?: string[];
  /** Every unmet condition, with its code and the case page section that fixes it. */
  unmet?: Unmet[];
  fieldErrors?: Record<string, string[]>;
  /** The codes of `fieldErrors`, under the same keys. */
  fieldCodes?: FieldCodes;
  /** A bulk action: each case that stood in the way, and why. */
  refused?: ApplicationRefusal[];
  current?: unknown;
  /** TOO_MANY_REQUESTS: which limit refused, and in how many seconds a try may succeed again. */
  rule?: string;
  retryAfterSeconds?: number;
};

/** A rule of the domain said no. The API maps `code` onto its own error codes. */
export class DomainError extends Error {
  readonly code: DomainErrorCode;
  readonly details: DomainErrorDetails;
  constructor(code: DomainErrorCode, message: string, details: DomainErrorDetails = {}) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.details = details;
  }
}

/** One unmet condition: its code, the section that fixes it (from the code), and its words. */
export function unmet(code: RefusalCode, message: string, about: { check?: string; criterion?: string } = {}): Unmet {
  return { code, section: refusalSections[code], message, ...about };
}

/** PRECONDITION_FAILED listing every unmet condition, as `unmet` and, in words, `reasons`. */
export function preconditionFailed(message: string, conditions: readonly Unmet[]): DomainError {
  return new DomainError('PRECONDITION_FAILED', message, {
    reasons: conditions.map((u) => u.message),
    unmet: [...conditions],
  });
}

/** A refusal that is about one thing: the case cannot be in this state for this, and says so once. */
export function refuse(code: RefusalCode, message: string): DomainError {
  return preconditionFailed(message, [unmet(code, message)]);
}

/**
 * BAD_REQUEST about one field ("" for the request as a whole), with the code of what is wrong.
 * Without a code (outside case work, e.g. creating a user) only `fieldErrors` is sent.
 */
export function fieldError(field: string, message: string, code?: RefusalCode): DomainError {
  return new DomainError('BAD_REQUEST', message, {
    fieldErrors: { [field]: [message] },
    ...(code ? { fieldCodes: { [field]: [code] } } : {}),
  });
}

/** The codes of the refusals a bulk action can meet on one case, whatever threw them. */
const refusalOfCode: Record<DomainErrorCode, RefusalCode> = {
  CONFLICT: 'case.changed',
  FORBIDDEN: 'case.forbidden',
  NOT_FOUND: 'case.not_found',
  PRECONDITION_FAILED: 'case.refused',
  BAD_REQUEST: 'case.refused',
  UNAUTHORIZED: 'case.forbidden',
  TOO_MANY_REQUESTS: 'case.refused',
};

/** What stood in the way of one case, code by code: its unmet conditions, its field codes, or the refusal itself. */
export function refusalsOf(e: DomainError): { code: RefusalCode; message: string }[] {
  if (e.details.unmet?.length) return e.details.unmet.map(({ code, message }) => ({ code, message }));
  const fields = Object.entries(e.details.fieldCodes ?? {}).flatMap(([field, codes]) =>
    codes.map((code, i) => ({ code, message: e.details.fieldErrors?.[field]?.[i] ?? e.message })),
  );
  return fields.length ? fields : [{ code: refusalOfCode[e.code], message: e.message }];
}

/**
 * Refuses a change made against a version of a record (a slot, a course, a day, a person in the pool)
 * that is no longer current: CONFLICT, with the record as it is now (`current`) for the writer to look
 * at again. A case has its own, with its newest change (`assertVersion` in the API's application store).
 */
export function assertCurrentVersion(
  record: { version: number },
  expected: number,
  message: string,
  current: () => unknown,
): void {
  if (record.version !== expected) throw new DomainError('CONFLICT', message, { current: current() });
}
