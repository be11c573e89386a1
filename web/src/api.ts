/** The JSON API, typed by src/server/types.ts. */
import { useEffect, useState } from 'preact/hooks';
import type { ApiErrorBody } from '../../src/server/types.js';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export async function getJson<T>(path: string, params: Record<string, string | number | null | undefined> = {}, signal?: AbortSignal): Promise<T> {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== null && v !== undefined && v !== '') q.set(k, String(v));
  const url = q.toString() ? `${path}?${q}` : path;
  const res = await fetch(url, { headers: { Accept: 'application/json' }, signal: signal ?? null });
  const body = (await res.json().catch(() => null)) as unknown;
  if (!res.ok) {
    const e = (body as ApiErrorBody | null)?.error;
    throw new ApiError(res.status, e?.code ?? 'HTTP', e?.message ?? `the server answered ${res.status}`);
  }
  return body as T;
}

export type Loaded<T> = { state: 'loading' } | { state: 'error'; error: ApiError | Error } | { state: 'ok'; data: T };

/** Fetches when `key` changes; a late answer to an older key is dropped. */
export function useApi<T>(path: string | null, params: Record<string, string | number | null | undefined> = {}): Loaded<T> {
  const key = path === null ? '' : `${path}?${JSON.stringify(params)}`;
  const [loaded, setLoaded] = useState<Loaded<T>>({ state: 'loading' });
  useEffect(() => {
    if (path === null) return;
    const ctl = new AbortController();
    setLoaded({ state: 'loading' });
    getJson<T>(path, params, ctl.signal).then(
      (data) => setLoaded({ state: 'ok', data }),
      (error: Error) => {
        if (!ctl.signal.aborted) setLoaded({ state: 'error', error });
      },
    );
    return () => ctl.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return loaded;
}
