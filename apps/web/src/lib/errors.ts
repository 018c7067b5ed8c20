import type { ApplicationRefusal, FieldCodes, Unmet } from '@muster/contracts';
import { TRPCClientError } from '@trpc/client';

type ErrorData = {
  code?: string;
  httpStatus?: number;
  reasons?: string[];
  unmet?: Unmet[];
  fieldErrors?: Record<string, string[]>;
  fieldCodes?: FieldCodes;
  refused?: ApplicationRefusal[];
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

/** Every unmet condition of a refusal, each with its code and the case page section that fixes it. */
export function errorUnmet(error: unknown): Unmet[] {
  return dataOf(error)?.unmet ?? [];
}

/** The codes of the field errors, under the same keys. */
export function fieldCodes(error: unknown): FieldCodes {
  return dataOf(error)?.fieldCodes ?? {};
}

/** A bulk action: each case that stood in the way, and why. */
export function refusedApplications(error: unknown): ApplicationRefusal[] {
  return dataOf(error)?.refused ?? [];
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
