/**
 * One error → status mapping for the HTTP API. A ReckonError's code gives the
 * status through HTTP_STATUS; the few refusals that only exist at the HTTP
 * edge (403, 405, 421, 429, 503) have their own codes here. Every error leaves as
 * {"error": {"code", "message"}}.
 */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { HTTP_STATUS, ReckonError, type ErrorCode } from '../core/errors.js';

/** Codes that exist only at the HTTP edge. */
export type RefusalCode = 'FORBIDDEN' | 'METHOD_NOT_ALLOWED' | 'MISDIRECTED' | 'RATE_LIMITED' | 'BUSY';
export type ApiErrorCode = ErrorCode | RefusalCode;

export const API_STATUS: Record<ApiErrorCode, ContentfulStatusCode> = {
  ...(HTTP_STATUS as Record<ErrorCode, ContentfulStatusCode>),
  FORBIDDEN: 403,
  METHOD_NOT_ALLOWED: 405,
  MISDIRECTED: 421,
  RATE_LIMITED: 429,
  BUSY: 503,
};

/** A refusal by the HTTP edge (not a failure of the library). */
export class Refusal extends Error {
  readonly code: RefusalCode;
  readonly headers: Record<string, string>;

  constructor(code: RefusalCode, message: string, headers: Record<string, string> = {}) {
    super(message);
    this.name = 'Refusal';
    this.code = code;
    this.headers = headers;
  }
}

export interface ApiErrorBody {
  error: { code: ApiErrorCode; message: string; details?: unknown };
}

export interface Problem {
  status: ContentfulStatusCode;
  body: ApiErrorBody;
  headers: Record<string, string>;
}

const BY_STATUS: Partial<Record<number, ApiErrorCode>> = {
  400: 'INVALID_ARGUMENT',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  413: 'TOO_LARGE',
  421: 'MISDIRECTED',
  429: 'RATE_LIMITED',
  503: 'BUSY',
  504: 'TIMEOUT',
};

/** Anything thrown → status, code and message. Internal errors do not leak their message. */
export function toProblem(e: unknown): Problem {
  if (e instanceof Refusal) {
    return { status: API_STATUS[e.code], body: { error: { code: e.code, message: e.message } }, headers: e.headers };
  }
  if (e instanceof ReckonError) {
    const message = e.code === 'INTERNAL' ? 'internal error' : e.oneLine();
    const body: ApiErrorBody = { error: { code: e.code, message } };
    const details = (e as ReckonError & { details?: unknown }).details;
    if (details !== undefined) body.error.details = details;
    const headers: Record<string, string> = e.code === 'UNAUTHORIZED' ? { 'WWW-Authenticate': 'Bearer realm="reckon"' } : {};
    return { status: API_STATUS[e.code], body, headers };
  }
  if (e instanceof HTTPException) {
    const code = BY_STATUS[e.status] ?? (e.status >= 500 ? 'INTERNAL' : 'INVALID_ARGUMENT');
    return { status: e.status, body: { error: { code, message: e.message || code.toLowerCase().replace(/_/g, ' ') } }, headers: {} };
  }
  return { status: 500, body: { error: { code: 'INTERNAL', message: 'internal error' } }, headers: {} };
}

export function problemResponse(c: Context, e: unknown): Response {
  const p = toProblem(e);
  for (const [k, v] of Object.entries(p.headers)) c.header(k, v);
  return c.json(p.body, p.status);
}

/** A 400 whose message names the parameter; `details` lists every problem found as {param, message}. */
export function badParameter(name: string, message: string, details?: unknown): ReckonError {
  const err = new ReckonError('INVALID_ARGUMENT', message);
  Object.assign(err, { details: details ?? [{ param: name, message }] });
  return err;
}
