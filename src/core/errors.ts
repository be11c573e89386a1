/**
 * One error type for the whole project. Each edge translates `code` into its
 * own terms: the CLI into an exit code, the HTTP API into a status.
 */
export type ErrorCode =
  | 'BAD_INPUT' // the input is not something reckon can read (binary, undecodable, malformed)
  | 'EMPTY' // the input holds no text
  | 'TOO_LARGE' // the input is over a size limit
  | 'UNREACHABLE' // a URL or file could not be read
  | 'TIMEOUT' // a limit of time was reached
  | 'NOT_FOUND' // a document, event or claim does not exist
  | 'INVALID_ARGUMENT' // a caller passed a bad option or parameter
  | 'UNAUTHORIZED' // a missing or wrong token
  | 'CONFLICT' // the store refused a write
  | 'STORE' // the store failed
  | 'INTERNAL';

export class ReckonError extends Error {
  readonly code: ErrorCode;
  /** The file, URL or parameter the error is about, when there is one. */
  readonly subject: string | undefined;

  constructor(code: ErrorCode, message: string, options: { subject?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ReckonError';
    this.code = code;
    this.subject = options.subject;
  }

  /** One line: "<subject>: <message>" */
  oneLine(): string {
    const msg = this.message.replace(/\s+/g, ' ').trim();
    return this.subject ? `${this.subject}: ${msg}` : msg;
  }
}

export const isReckonError = (e: unknown): e is ReckonError => e instanceof ReckonError;

/** Wraps anything thrown into a ReckonError, keeping a ReckonError as it is. */
export function asReckonError(e: unknown, subject?: string): ReckonError {
  if (e instanceof ReckonError) return e;
  const err = e as NodeJS.ErrnoException;
  const message = err && typeof err.message === 'string' ? err.message : String(e);
  const opts = subject === undefined ? { cause: e } : { subject, cause: e };
  switch (err?.code) {
    case 'ENOENT':
      return new ReckonError('UNREACHABLE', 'no such file or folder', opts);
    case 'EACCES':
    case 'EPERM':
      return new ReckonError('UNREACHABLE', 'permission denied', opts);
    case 'ELOOP':
      return new ReckonError('BAD_INPUT', 'symbolic link loop', opts);
    case 'EISDIR':
      return new ReckonError('BAD_INPUT', 'is a folder', opts);
    default:
      return new ReckonError('INTERNAL', message, opts);
  }
}

/** CLI exit codes (sysexits-like). */
export const EXIT_CODES: Record<ErrorCode, number> = {
  BAD_INPUT: 65,
  EMPTY: 65,
  TOO_LARGE: 65,
  UNREACHABLE: 66,
  TIMEOUT: 75,
  NOT_FOUND: 66,
  INVALID_ARGUMENT: 64,
  UNAUTHORIZED: 77,
  CONFLICT: 75,
  STORE: 74,
  INTERNAL: 70,
};

/** HTTP statuses. */
export const HTTP_STATUS: Record<ErrorCode, number> = {
  BAD_INPUT: 422,
  EMPTY: 422,
  TOO_LARGE: 413,
  UNREACHABLE: 502,
  TIMEOUT: 504,
  NOT_FOUND: 404,
  INVALID_ARGUMENT: 400,
  UNAUTHORIZED: 401,
  CONFLICT: 409,
  STORE: 503,
  INTERNAL: 500,
};
