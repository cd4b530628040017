import type { ErrorInfo } from '../../../shared/errors';
import { ApiError } from '../api/client';

/** The sentence to show for a failed call. */
export function errorMessage(error: unknown): string {
  return toErrorInfo(error).message;
}

export function toErrorInfo(error: unknown): ErrorInfo {
  if (error instanceof ApiError) return { code: error.code, message: error.message };
  console.error(error);
  return { code: 'internal', message: 'Something went wrong inside Cairn; try again.' };
}
