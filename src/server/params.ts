/**
 * What the API accepts, as zod schemas: ids by pattern, bounded numbers,
 * dates, and strict query objects (an unknown parameter is a 400, so a typo
 * is not silently ignored). `validQuery` and `validId` turn a failure into
 * one INVALID_ARGUMENT error naming the parameter.
 */
import type { Context } from 'hono';
import { z } from 'zod';
import type { PolicyName } from '../reconcile/types.js';
import { badParameter } from './errors.js';
import { POLICIES } from './events.js';

export const MAX_LIMIT = 500;
export const MAX_OFFSET = 1_000_000;

/** Document ids are hex content hashes (a unique prefix of 4+ characters is accepted). */
export const DOCUMENT_ID = /^[0-9a-f]{4,64}$/;
/** Event ids are made by reconcile: letters, digits, - _ : . (no slashes, no leading dot). */
export const EVENT_ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/;
/** Claim ids: "<document id>:<index>". */
export const CLAIM_ID = /^[0-9a-f]{4,64}:\d{1,6}$/;
const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

const int = (name: string, min: number, max: number) =>
  z
    .string()
    .regex(/^\d{1,7}$/, `${name} must be a whole number from ${min} to ${max}`)
    .transform(Number)
    .refine((n) => n >= min && n <= max, `${name} must be a whole number from ${min} to ${max}`);

const date = (name: string) => z.string().regex(DATE, `${name} must be a date (YYYY, YYYY-MM or YYYY-MM-DD)`);
const text = (name: string, max: number) => z.string().trim().min(1, `${name} must not be empty`).max(max, `${name} is longer than ${max} characters`);

export const limitOffset = (defaultLimit: number) => ({
  limit: int('limit', 1, MAX_LIMIT).default(defaultLimit),
  offset: int('offset', 0, MAX_OFFSET).default(0),
});

export const policyParam = z.enum(POLICIES as [PolicyName, ...PolicyName[]], { error: () => `policy must be one of ${POLICIES.join(', ')}` });

export const EventsQuery = z.strictObject({ policy: policyParam.optional() });

/** The list of events, a page at a time (an archive of 100,000 reports holds some 80,000 events). */
export const EventListQuery = z.strictObject({ policy: policyParam.optional(), ...limitOffset(50) });

export const ClaimsQuery = z.strictObject({
  event: z.string().regex(EVENT_ID, 'event is not an event id').optional(),
  category: z.string().regex(/^[a-z][a-z_]{0,31}$/, 'category must be a category name such as killed or injured').optional(),
  document: z.string().regex(DOCUMENT_ID, 'document is not a document id').optional(),
  location: text('location', 200).optional(),
  from: date('from').optional(),
  to: date('to').optional(),
  ...limitOffset(100),
});

export const DocumentsQuery = z.strictObject({ ...limitOffset(100) });

export const SearchQuery = z.strictObject({
  q: text('q', 500),
  outlet: text('outlet', 200).optional(),
  language: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/, 'language must be a language code such as en').optional(),
  from: date('from').optional(),
  to: date('to').optional(),
  ...limitOffset(20),
});

export const ExportQuery = z.strictObject({ format: z.enum(['json', 'jsonl', 'csv'], { error: () => 'format must be json, jsonl or csv' }).default('json') });

const optionalText = (name: string, max: number) => z.string().max(max, `${name} is longer than ${max} characters`).nullish();

/** One document to ingest: text or html, and optional metadata. */
export const IngestDocument = z
  .strictObject({
    text: optionalText('text', 5_000_000),
    html: optionalText('html', 5_000_000),
    title: optionalText('title', 1000),
    url: z
      .string()
      .max(2000, 'url is longer than 2000 characters')
      .refine((u) => /^https?:\/\/[^\s]+$/i.test(u), 'url must be an http(s) URL')
      .nullish(),
    date: optionalText('date', 100),
    outlet: optionalText('outlet', 200),
    language: optionalText('language', 20),
  })
  .refine((d) => Boolean(d.text?.trim() || d.html?.trim()), 'each document needs "text" or "html" with some text in it');

export const IngestBody = z.strictObject({
  documents: z.array(IngestDocument).min(1, 'documents must hold at least one document').max(100, 'at most 100 documents per request'),
});

function fail(error: z.ZodError, where: string): never {
  const issues = error.issues.map((i) => {
    const param = i.path.length ? i.path.join('.') : ((i as { keys?: string[] }).keys ?? []).join(', ') || where;
    const message = i.code === 'unrecognized_keys' ? `unknown ${where} "${((i as { keys?: string[] }).keys ?? []).join('", "')}"` : i.message;
    return { param, message: message.startsWith(param.split('.').pop() ?? param) || message.startsWith('unknown') ? message : `${param}: ${message}` };
  });
  const first = issues[0] ?? { param: where, message: 'invalid' };
  throw badParameter(first.param, first.message, issues);
}

/** The request's query parameters, validated (first value of each). */
export function validQuery<S extends z.ZodType>(c: Context, schema: S): z.output<S> {
  const r = schema.safeParse(c.req.query());
  if (!r.success) fail(r.error, 'parameter');
  return r.data;
}

/** A JSON body, validated. */
export function validBody<S extends z.ZodType>(body: unknown, schema: S): z.output<S> {
  const r = schema.safeParse(body);
  if (!r.success) fail(r.error, 'field');
  return r.data;
}

/** A path parameter checked against its pattern. */
export function validId(c: Context, name: string, pattern: RegExp, what: string): string {
  const v = c.req.param(name) ?? '';
  if (!pattern.test(v)) throw badParameter(name, `${what} "${v.slice(0, 80)}" is not a valid ${what}`);
  return v;
}
