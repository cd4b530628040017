// Errors that cross the process boundary. A `message` is one sentence meant for
// the user; it names what is wrong and where. Nothing here carries a stack.

export type ErrorCode =
  | 'invalid-argument'
  | 'not-found'
  | 'conflict'
  | 'not-a-cairn-database'
  | 'newer-schema'
  | 'corrupt-database'
  | 'io'
  | 'read-only'
  | 'unauthorized'
  | 'internal';

export interface ErrorInfo {
  code: ErrorCode;
  message: string;
}

/** An error whose message is safe and useful to show a user as it is. */
export class CairnError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'CairnError';
    this.code = code;
  }

  toInfo(): ErrorInfo {
    return { code: this.code, message: this.message };
  }
}

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo };
