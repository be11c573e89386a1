/**
 * The OpenAPI 3.1 description of the API, written by hand (a test checks
 * that every route of the app is in it, and every path here is a route).
 */
import { VERSION } from '../version.js';
import { API_STATUS } from './errors.js';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: object, description = 'OK') => ({ description, content: { 'application/json': { schema } } });
const error = (description: string) => json(ref('Error'), description);
const q = (name: string, description: string, schema: object = { type: 'string' }, required = false) => ({ name, in: 'query', required, description, schema });
const limit = (def: number) => q('limit', `page size (1–500, default ${def})`, { type: 'integer', minimum: 1, maximum: 500, default: def });
const offset = q('offset', 'items to skip (default 0)', { type: 'integer', minimum: 0, maximum: 1000000, default: 0 });
const date = (name: string, what: string) => q(name, `${what} (YYYY, YYYY-MM or YYYY-MM-DD)`, { type: 'string', pattern: '^\\d{4}(-\\d{2}(-\\d{2})?)?$' });
const policy = q('policy', 'the policy that chooses each fact\'s best value', { type: 'string', enum: ['median', 'conservative', 'most_cited', 'latest', 'official'] });
const eventId = { name: 'id', in: 'path', required: true, schema: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$' } };
const docId = { name: 'id', in: 'path', required: true, description: 'document id (or a unique prefix of 4+ characters)', schema: { type: 'string', pattern: '^[0-9a-f]{4,64}$' } };
const common = { 400: error('a bad parameter (unknown, malformed or out of range)'), 421: error('the Host header names this server by a name it was not given'), 429: error('too many requests (see Retry-After)'), 503: error('the server is busy'), 504: error('the request took too long') };

const nullable = (type: string) => ({ type: [type, 'null'] });

export function openApiDocument(): Record<string, unknown> {
  return {
    openapi: '3.1.0',
    info: {
      title: 'reckon',
      version: VERSION,
      description:
        'Reports of one event, every figure with its exact words, and how the figures relate across sources. ' +
        'Read-only unless the server was started with a token; errors are {"error": {"code", "message"}}. ' +
        'Requests that pages of other sites make a browser send (Sec-Fetch-Site: cross-site), other than following a link, get 403.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: '/' }],
    paths: {
      '/api/openapi.json': { get: { summary: 'This document', operationId: 'openapi', responses: { 200: json({ type: 'object' }) } } },
      '/api/stats': { get: { summary: 'What the archive holds', operationId: 'stats', responses: { 200: json(ref('Stats')), ...common } } },
      '/api/events': {
        get: {
          summary: 'Reconciled events, each with its facts in brief, largest first, a page at a time',
          operationId: 'listEvents',
          parameters: [policy, limit(50), offset],
          responses: {
            200: json({
              type: 'object', required: ['events', 'total', 'limit', 'offset', 'next'],
              properties: { events: { type: 'array', items: ref('EventSummary') }, total: { type: 'integer' }, limit: { type: 'integer' }, offset: { type: 'integer' }, next: nullable('integer') },
            }),
            ...common,
          },
        },
      },
      '/api/events/{id}': {
        get: {
          summary: 'One event: facts, checks, timeline, sources and copies',
          operationId: 'getEvent',
          parameters: [eventId, policy],
          responses: { 200: json(ref('Event')), 404: error('no such event'), ...common },
        },
      },
      '/api/events/{id}/factsheet.md': {
        get: {
          summary: 'The event\'s fact sheet in Markdown, with numbered citations',
          operationId: 'getFactSheet',
          parameters: [eventId, policy],
          responses: { 200: { description: 'OK', content: { 'text/markdown': { schema: { type: 'string' } } } }, 404: error('no such event'), ...common },
        },
      },
      '/api/claims': {
        get: {
          summary: 'Claims (figures with their words), filtered',
          operationId: 'listClaims',
          parameters: [
            q('event', 'only the claims behind this event\'s facts'),
            q('category', 'killed, injured, missing, arrested, …', { type: 'string', pattern: '^[a-z][a-z_]{0,31}$' }),
            q('document', 'only this document', { type: 'string', pattern: '^[0-9a-f]{4,64}$' }),
            q('location', 'a place the claim is about (as written or canonical, any case)'),
            date('from', 'claims whose time ends on or after'),
            date('to', 'claims whose time starts on or before'),
            limit(100),
            offset,
          ],
          responses: {
            200: json({ type: 'object', required: ['claims', 'limit', 'offset', 'next'], properties: { claims: { type: 'array', items: ref('Claim') }, limit: { type: 'integer' }, offset: { type: 'integer' }, next: nullable('integer') } }),
            404: error('no such event'),
            ...common,
          },
        },
      },
      '/api/documents': {
        get: {
          summary: 'Documents (latest versions), in ingest order',
          operationId: 'listDocuments',
          parameters: [limit(100), offset],
          responses: {
            200: json({ type: 'object', required: ['documents', 'limit', 'offset', 'next'], properties: { documents: { type: 'array', items: ref('DocumentSummary') }, limit: { type: 'integer' }, offset: { type: 'integer' }, next: nullable('integer') } }),
            ...common,
          },
        },
      },
      '/api/documents/{id}': {
        get: {
          summary: 'One document: metadata, cleaned and original text, claims and mentions',
          operationId: 'getDocument',
          parameters: [docId],
          responses: { 200: json(ref('Document')), 404: error('no such document'), ...common },
        },
      },
      '/api/search': {
        get: {
          summary: 'Full-text search with snippets, highlight ranges and facets',
          operationId: 'search',
          parameters: [
            q('q', 'words (all must match), "a phrase", word* for a prefix, OR between terms', { type: 'string', minLength: 1, maxLength: 500 }, true),
            q('outlet', 'only this outlet'),
            q('language', 'only this language', { type: 'string', pattern: '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$' }),
            date('from', 'published on or after'),
            date('to', 'published on or before'),
            limit(20),
            offset,
          ],
          responses: { 200: json(ref('SearchResult')), ...common },
        },
      },
      '/api/export': {
        get: {
          summary: 'The whole archive: documents, claims and events (streamed)',
          operationId: 'export',
          parameters: [q('format', 'json (documents and events), jsonl, or csv (one row per claim)', { type: 'string', enum: ['json', 'jsonl', 'csv'], default: 'json' })],
          responses: {
            200: {
              description: 'OK',
              content: { 'application/json': { schema: { type: 'object' } }, 'application/x-ndjson': { schema: { type: 'string' } }, 'text/csv': { schema: { type: 'string' } } },
            },
            ...common,
          },
        },
      },
      '/api/ingest': {
        post: {
          summary: 'Store and analyse documents (only when the server was started with a token)',
          operationId: 'ingest',
          security: [{ bearer: [] }],
          requestBody: { required: true, content: { 'application/json': { schema: ref('IngestRequest') } } },
          responses: {
            200: json(ref('IngestResult'), 'nothing new (all duplicates)'),
            201: json(ref('IngestResult'), 'stored'),
            401: error('missing or wrong token'),
            403: error('ingest is disabled (no token given at start)'),
            413: error('the body is over the size limit (5 MB)'),
            422: error('no document could be stored'),
            ...common,
          },
        },
      },
    },
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      schemas: {
        Error: {
          type: 'object',
          required: ['error'],
          properties: {
            error: {
              type: 'object',
              required: ['code', 'message'],
              properties: {
                code: {
                  type: 'string',
                  enum: Object.keys(API_STATUS),
                },
                message: { type: 'string' },
                details: {},
              },
            },
          },
        },
        Stats: {
          type: 'object',
          properties: {
            version: { type: 'string' }, store: { type: 'string', enum: ['sqlite', 'postgres'] }, ingest: { type: 'boolean' },
            documents: { type: 'integer' }, versions: { type: 'integer' }, claims: { type: 'integer' }, mentions: { type: 'integer' }, analyzed: { type: 'integer' },
          },
        },
        EventSummary: {
          type: 'object',
          properties: {
            id: { type: 'string' }, name: { type: 'string' }, aliases: { type: 'array', items: { type: 'string' } },
            start: nullable('string'), end: nullable('string'), places: { type: 'array', items: { type: 'string' } }, documents: { type: 'integer' },
            policy: { type: 'string' },
            facts: { type: 'array', items: { type: 'object', properties: { id: { type: 'string' }, category: { type: 'string' }, scope: { type: 'string' }, low: { type: 'number' }, best: { type: 'number' }, high: { type: 'number' }, status: { type: 'string', enum: ['consensus', 'disputed', 'single'] }, sources: { type: 'integer' } } } },
          },
        },
        Fact: {
          type: 'object',
          description: 'One figure of an event for a category and scope (see src/reconcile/types.ts)',
          properties: {
            id: { type: 'string' }, category: { type: 'string' }, scope: { type: 'object' }, low: { type: 'number' }, best: { type: 'number' }, high: { type: 'number' },
            status: { type: 'string', enum: ['consensus', 'disputed', 'single'] }, policy: { type: 'string' },
            alternatives: { type: 'array', items: { type: 'object', properties: { policy: { type: 'string' }, best: { type: 'number' } } } },
            claims: { type: 'array', items: { type: 'object' } }, sources: { type: 'integer' }, independent: { type: 'integer' }, why: { type: 'array', items: { type: 'string' } },
          },
        },
        Event: {
          type: 'object',
          properties: {
            id: { type: 'string' }, name: { type: 'string' }, aliases: { type: 'array', items: { type: 'string' } }, start: nullable('string'), end: nullable('string'),
            places: { type: 'array', items: { type: 'string' } }, documents: { type: 'array', items: { type: 'string' } }, sources: { type: 'array', items: { type: 'object' } },
            facts: { type: 'array', items: ref('Fact') }, checks: { type: 'array', items: { type: 'object' } }, timeline: { type: 'array', items: { type: 'object' } },
            copies: { type: 'array', items: { type: 'object' } }, policy: { type: 'string' },
          },
        },
        Claim: {
          type: 'object',
          description: 'A figure as one source states it; start/end into the original text, text_start/text_end into the cleaned text',
          properties: {
            id: { type: 'string' }, document: { type: 'string' }, category: { type: 'string' }, value: { type: 'number' }, low: { type: 'number' }, high: { type: 'number' },
            approx: { type: 'string' }, subject: nullable('string'), subgroup: nullable('string'), relation: nullable('string'), parent: nullable('string'),
            location: { type: 'array', items: { type: 'string' } }, time: { type: ['object', 'null'] }, condition: nullable('string'), attribution: nullable('string'),
            start: { type: 'integer' }, end: { type: 'integer' }, quote: { type: 'string' }, text_start: { type: 'integer' }, text_end: { type: 'integer' },
            rules: { type: 'array', items: { type: 'string' } }, note: nullable('string'),
          },
        },
        DocumentSummary: {
          type: 'object',
          properties: {
            id: { type: 'string' }, source: { type: 'string' }, version: { type: 'integer' }, title: nullable('string'), outlet: nullable('string'), published: nullable('string'),
            language: nullable('string'), url: nullable('string'), claims: { type: 'integer' }, latest: { type: 'boolean' },
          },
        },
        Document: {
          type: 'object',
          properties: {
            id: { type: 'string' }, source: { type: 'string' }, version: { type: 'integer' }, superseded_by: nullable('string'), title: nullable('string'), outlet: nullable('string'),
            published: nullable('string'), language: nullable('string'), url: nullable('string'), author: nullable('string'), text: { type: 'string' }, original: { type: 'string' },
            claims: { type: 'array', items: ref('Claim') },
            mentions: { type: 'array', items: { type: 'object', properties: { kind: { type: 'string', enum: ['date', 'place', 'person', 'org', 'event'] }, text: { type: 'string' }, textStart: { type: 'integer' }, textEnd: { type: 'integer' }, value: { type: 'string' } } } },
            events: { type: 'array', items: { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' } } } },
          },
        },
        SearchResult: {
          type: 'object',
          properties: {
            query: { type: 'string' }, total: { type: 'integer' }, limit: { type: 'integer' }, offset: { type: 'integer' },
            hits: {
              type: 'array',
              items: {
                type: 'object',
                properties: {
                  id: { type: 'string' }, title: nullable('string'), outlet: nullable('string'), published: nullable('string'), language: nullable('string'),
                  snippet: { type: 'string' }, highlights: { type: 'array', items: { type: 'array', items: { type: 'integer' }, minItems: 2, maxItems: 2 } }, rank: { type: 'number' },
                },
              },
            },
            facets: { type: 'object', properties: { outlet: ref('Facets'), language: ref('Facets'), year: ref('Facets') } },
          },
        },
        Facets: { type: 'array', items: { type: 'object', properties: { value: { type: 'string' }, count: { type: 'integer' } } } },
        IngestRequest: {
          type: 'object',
          required: ['documents'],
          additionalProperties: false,
          properties: {
            documents: {
              type: 'array',
              minItems: 1,
              maxItems: 100,
              items: {
                type: 'object',
                additionalProperties: false,
                description: 'text or html is required',
                properties: {
                  text: { type: 'string' }, html: { type: 'string' }, title: { type: 'string' }, url: { type: 'string', format: 'uri' },
                  date: { type: 'string' }, outlet: { type: 'string' }, language: { type: 'string' },
                },
              },
            },
          },
        },
        IngestResult: {
          type: 'object',
          properties: {
            added: { type: 'integer' }, versions: { type: 'integer' }, duplicates: { type: 'integer' }, failed: { type: 'integer' },
            results: { type: 'array', items: { type: 'object', properties: { index: { type: 'integer' }, status: { type: 'string' }, id: { type: 'string' }, version: { type: 'integer' }, claims: { type: 'integer' }, error: { type: 'object' } } } },
          },
        },
      },
    },
  };
}
