// Calls to the platform's API through the gateway with the logged-in person's bearer token.
import { language, t } from './i18n.js';
import { announce } from './dom.js';

const TOKEN = 'samplan.token';

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail ?? `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

export function token() {
  return sessionStorage.getItem(TOKEN);
}

export function setToken(value) {
  if (value) {
    sessionStorage.setItem(TOKEN, value);
  } else {
    sessionStorage.removeItem(TOKEN);
  }
}

/** Who is logged in, from the token's claims (the gateway checked the signature; this is for display). */
export function session() {
  const value = token();
  if (!value) {
    return null;
  }
  try {
    const payload = value.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const claims = JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(payload), c => c.charCodeAt(0))));
    if (claims.exp && claims.exp * 1000 < Date.now()) {
      setToken(null);
      return null;
    }
    return { user: claims.preferred_username ?? claims.sub, association: claims.association, roles: claims.roles ?? [] };
  } catch {
    setToken(null);
    return null;
  }
}

const WRITERS = ['association-admin', 'plan-owner', 'communicator', 'contributor'];

export function canWrite() {
  return (session()?.roles ?? []).some(role => WRITERS.includes(role));
}

export async function api(method, path, body, etag) {
  const headers = { Accept: 'application/json', 'Accept-Language': language() };
  if (token()) {
    headers.Authorization = `Bearer ${token()}`;
  }
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  if (etag) {
    headers['If-Match'] = etag;
  }
  let response;
  try {
    response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new ApiError(0, null);
  }
  const type = response.headers.get('Content-Type') ?? '';
  const data = type.includes('json') ? await response.json() : null;
  if (response.status === 401) {
    setToken(null);
    window.dispatchEvent(new CustomEvent('samplan:logged-out'));
  }
  if (!response.ok) {
    throw new ApiError(response.status, data);
  }
  return { data, etag: response.headers.get('ETag'), location: response.headers.get('Location') };
}

export const get = path => api('GET', path).then(result => result.data);

export function reportPath(reportId) {
  return `/api/reports/status-reports/${encodeURIComponent(reportId)}`;
}

/** Downloads need the bearer token, so they go through fetch and a temporary object URL. */
export async function download(path, filename) {
  const response = await fetch(path, { headers: { Authorization: `Bearer ${token()}` } });
  if (!response.ok) {
    announce(t('error.generic', { status: response.status }));
    return;
  }
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}
