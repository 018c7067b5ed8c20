import { TRPCClientError } from '@trpc/client';

type ErrorData = {
  code?: string;
  httpStatus?: number;
  reasons?: string[];
  fieldErrors?: Record<string, string[]>;
  current?: unknown;
  requestId?: string;
};

function dataOf(error: unknown): ErrorData | undefined {
  if (error instanceof TRPCClientError) return (error.data ?? undefined) as ErrorData | undefined;
  return undefined;
}

/** The tRPC error code (UNAUTHORIZED, CONFLICT, …) of a failed call, if the server sent one. */
export function errorCode(error: unknown): string | undefined {
  return dataOf(error)?.code;
}

/** Every unmet condition of a refused stage move. */
export function errorReasons(error: unknown): string[] {
  return dataOf(error)?.reasons ?? [];
}

/** Field errors keyed by dotted path; "" holds errors about the whole form. */
export function fieldErrors(error: unknown): Record<string, string[]> {
  return dataOf(error)?.fieldErrors ?? {};
}

export function errorMessage(error: unknown): string {
  if (error instanceof TRPCClientError) {
    if (!error.data) return 'Muster could not reach the server. Check your connection and try again.';
    return error.message;
  }
  return error instanceof Error ? error.message : 'Something went wrong.';
}
