// The engine's public REST API as the page speaks it: JSON in and out, problem+json errors as ApiError,
// and the API key (kept in this tab's sessionStorage) in X-Api-Key on every request.

const KEY_STORAGE = 'alc.apiKey';

/** An HTTP error answer; `problem` is the engine's problem+json document when it sent one. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

/** True for failures worth retrying with the same request: the network, a timeout, overload, a server error. */
export function isTransient(error) {
  return !(error instanceof ApiError) || error.status === 408 || error.status === 429 || error.status >= 500;
}

/** The REST client of the page (same origin; the page never talks to anything else). */
export class Api {
  constructor() {
    this.key = sessionStorage.getItem(KEY_STORAGE) || '';
    /** Called with the ApiError of every 401, so the page can ask for a key. */
    this.onUnauthorized = null;
  }

  setKey(key) {
    this.key = key.trim();
    if (this.key) sessionStorage.setItem(KEY_STORAGE, this.key);
    else sessionStorage.removeItem(KEY_STORAGE);
  }

  async request(method, path, { body, headers = {}, signal, keepalive } = {}) {
    const all = { ...headers };
    if (this.key) all['X-Api-Key'] = this.key;
    if (body !== undefined) all['Content-Type'] = 'application/json';
    const response = await fetch(path, {
      method, headers: all, signal, keepalive,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) {
      let problem = null;
      try { problem = await response.json(); } catch { /* not JSON */ }
      const error = new ApiError(response.status, problem);
      if (response.status === 401 && this.onUnauthorized) this.onUnauthorized(error);
      throw error;
    }
    return response;
  }

  async get(path, options) {
    return (await this.request('GET', path, options)).json();
  }

  async post(path, body, options) {
    return (await this.request('POST', path, { ...options, body })).json();
  }

  /** Fetches a file (an image: an <img> cannot send the key itself) as a Blob. */
  async blob(path, signal) {
    return (await this.request('GET', path, { signal })).blob();
  }

  /** Fetches an image and returns an object URL for it. */
  async imageUrl(path, signal) {
    return URL.createObjectURL(await this.blob(path, signal));
  }
}

/** A random key for one answer batch: the engine stores a retried batch once. */
export function idempotencyKey(annotator) {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `${annotator}-${Array.from(bytes, b => b.toString(16).padStart(2, '0')).join('')}`;
}
