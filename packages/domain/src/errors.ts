export type DomainErrorCode =
  'NOT_FOUND' | 'FORBIDDEN' | 'PRECONDITION_FAILED' | 'CONFLICT' | 'BAD_REQUEST' | 'UNAUTHORIZED' | 'TOO_MANY_REQUESTS';

export type DomainErrorDetails = {
  reasons?: string[];
  fieldErrors?: Record<string, string[]>;
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

export function fieldError(field: string, message: string): DomainError {
  return new DomainError('BAD_REQUEST', message, { fieldErrors: { [field]: [message] } });
}
