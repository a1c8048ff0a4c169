// The one way screens talk to the server: openapi-fetch typed by the paths generated from the
// application's OpenAPI document (npm run api). A refusal becomes an ApiError carrying the
// ProblemDetails, so screens can say in words what went wrong and on which field.
import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from './schema';
import i18n from '../i18n';

export type Schemas = components['schemas'];

export const api = createClient<paths>({ baseUrl: '', credentials: 'same-origin' });

const language: Middleware = {
  onRequest({ request }) {
    request.headers.set('accept-language', i18n.language === 'fr' ? 'fr' : 'en');
    return request;
  },
};
api.use(language);

export interface Problem {
  status?: number | null;
  title?: string | null;
  detail?: string | null;
  reason?: string;
  errors?: Record<string, string[]> | { path: string; rule: string; message: string }[];
  [key: string]: unknown;
}

export class ApiError extends Error {
  constructor(public readonly status: number, public readonly problem: Problem) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
  }

  /** Field errors as path → messages, whichever of the two shapes the server used. */
  get fieldErrors(): Record<string, string[]> {
    const errors = this.problem.errors;
    if (!errors) return {};
    if (Array.isArray(errors)) {
      const byPath: Record<string, string[]> = {};
      for (const e of errors) (byPath[e.path] ??= []).push(e.message);
      return byPath;
    }
    return errors;
  }
}

/** Listeners told when the server says the session is gone (401 on a call that needed it). */
const signedOut = new Set<() => void>();
export const onSignedOut = (listener: () => void) => {
  signedOut.add(listener);
  return () => signedOut.delete(listener);
};

/** Awaits an openapi-fetch call and returns its data, or throws an ApiError. */
export async function unwrap<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (response.ok) return data as T;
  if (response.status === 401) signedOut.forEach((l) => l());
  const problem = (typeof error === 'object' && error !== null ? error : { detail: String(error ?? '') }) as Problem;
  throw new ApiError(response.status, { status: response.status, ...problem });
}
