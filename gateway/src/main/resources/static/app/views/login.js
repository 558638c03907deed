// Log in: the development issuer's form where the gateway has one (local stack), otherwise the
// organisation's OIDC provider with the authorization code flow and PKCE (no client secret in a browser).
import { h, errorBox } from '../dom.js';
import { t } from '../i18n.js';
import { setToken } from '../api.js';

const OIDC = 'samplan.oidc';

export async function render(main) {
  document.title = `${t('login.title')} – Samplan`;
  const config = await fetch('/auth/config').then(response => response.json());
  const heading = h('h1', {}, t('login.title'));
  if (config.mode !== 'dev') {
    main.replaceChildren(h('div', { className: 'login' }, heading,
      h('button', { type: 'button', className: 'primary', onClick: () => startOidcLogin(config) }, t('login.oidc'))));
    return {};
  }
  const status = h('div', { id: 'login-status' });
  const user = h('input', { id: 'login-user', name: 'username', autocomplete: 'username', required: true, list: 'demo-users' });
  const password = h('input', { id: 'login-password', name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const form = h('form', { className: 'login', novalidate: true },
    heading,
    status,
    h('div', { className: 'field' }, h('label', { for: 'login-user' }, t('login.user')), user),
    h('datalist', { id: 'demo-users' }, config.users.map(u => h('option', { value: u.user }, `${u.user} (${u.association})`))),
    h('div', { className: 'field' }, h('label', { for: 'login-password' }, t('login.password')), password),
    h('button', { type: 'submit', className: 'primary' }, t('login.submit')),
    h('p', { className: 'muted' }, t('login.devHint')),
    h('details', {}, h('summary', {}, t('login.demoUsers')),
      h('ul', {}, config.users.map(u => h('li', {}, `${u.user} – ${u.association} – ${u.roles.join(', ')}`)))));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const response = await fetch('/auth/dev/token', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ username: user.value, password: password.value }),
    });
    const body = await response.json().catch(() => null);
    if (!response.ok) {
      const box = response.status === 401
        ? h('div', { className: 'error', role: 'alert', tabindex: '-1' }, h('p', {}, t('login.failed')))
        : errorBox({ status: response.status, problem: body });
      status.replaceChildren(box);
      box.focus();
      return;
    }
    loggedIn(body.access_token);
  });
  main.replaceChildren(form);
  return {};
}

function loggedIn(accessToken) {
  setToken(accessToken);
  window.dispatchEvent(new CustomEvent('samplan:logged-in'));
  const after = sessionStorage.getItem('samplan.after-login');
  sessionStorage.removeItem('samplan.after-login');
  location.hash = after && after !== '#/login' ? after : '#/';
}

function base64url(bytes) {
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

async function discover(issuer) {
  return fetch(`${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`).then(response => response.json());
}

async function startOidcLogin(config) {
  const provider = await discover(config.issuer);
  const verifier = base64url(crypto.getRandomValues(new Uint8Array(32)));
  const challenge = base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
  const state = base64url(crypto.getRandomValues(new Uint8Array(16)));
  const redirect = `${location.origin}/`;
  sessionStorage.setItem(OIDC, JSON.stringify({ verifier, state, redirect, tokenEndpoint: provider.token_endpoint, clientId: config.clientId }));
  const query = new URLSearchParams({
    response_type: 'code', client_id: config.clientId, redirect_uri: redirect, scope: 'openid',
    state, code_challenge: challenge, code_challenge_method: 'S256',
  });
  location.assign(`${provider.authorization_endpoint}?${query}`);
}

/** Back from the OIDC provider with ?code=…&state=…: trade the code for a token, then clean the address. */
export async function completeOidcLogin() {
  const query = new URLSearchParams(location.search);
  const pending = JSON.parse(sessionStorage.getItem(OIDC) ?? 'null');
  if (!query.has('code') || !pending || query.get('state') !== pending.state) {
    return;
  }
  sessionStorage.removeItem(OIDC);
  const response = await fetch(pending.tokenEndpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code', code: query.get('code'), redirect_uri: pending.redirect,
      client_id: pending.clientId, code_verifier: pending.verifier,
    }),
  });
  history.replaceState(null, '', `${location.pathname}#/`);
  if (response.ok) {
    const tokens = await response.json();
    setToken(tokens.access_token);
  }
}
