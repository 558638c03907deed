// The dashboard's shell: routes (#/, #/portfolio, #/plans/{id}, #/reports/{id}, #/members, #/login), the header,
// the language switch and the live stream that each page listens to.
import { h, errorBox } from './dom.js';
import { t, language, setLanguage } from './i18n.js';
import { session, setToken } from './api.js';
import * as live from './live.js';
import * as login from './views/login.js';
import * as overview from './views/overview.js';
import * as plan from './views/plan.js';
import * as report from './views/report.js';
import * as members from './views/members.js';

const routes = [
  [/^#\/$/, (main) => overview.render(main, 'overview')],
  [/^#\/portfolio$/, (main) => overview.render(main, 'portfolio')],
  [/^#\/plans\/([^/]+)$/, (main, id) => plan.render(main, id)],
  [/^#\/reports\/([^/]+)$/, (main, id) => report.render(main, id)],
  [/^#\/members$/, (main) => members.render(main)],
  [/^#\/login$/, (main) => login.render(main)],
];

let current = null;
let generation = 0;

async function route() {
  const hash = location.hash && location.hash !== '#' ? location.hash : '#/';
  if (hash === '#main') {
    return;  // the skip link
  }
  if (!session() && hash !== '#/login') {
    sessionStorage.setItem('samplan.after-login', hash);
    location.replace('#/login');
    return;
  }
  current?.dispose?.();
  current = null;
  chrome();
  const main = document.getElementById('main');
  main.replaceChildren(h('p', {}, t('app.loading')));
  const mine = ++generation;
  for (const [pattern, view] of routes) {
    const match = hash.match(pattern);
    if (match) {
      try {
        const rendered = await view(main, ...match.slice(1).map(decodeURIComponent));
        if (mine === generation) {
          current = rendered;
        } else {
          rendered?.dispose?.();
        }
      } catch (error) {
        main.replaceChildren(errorBox(error));
      }
      focusHeading(main);
      return;
    }
  }
  document.title = `${t('error.notFound')} – Samplan`;
  main.replaceChildren(h('h1', { tabindex: '-1' }, t('error.notFound')));
  focusHeading(main);
}

/** After a page change, focus its heading so a screen reader announces where the user is. */
function focusHeading(main) {
  const heading = main.querySelector('h1');
  if (heading && !main.contains(document.activeElement)) {
    heading.setAttribute('tabindex', '-1');
    heading.focus({ preventScroll: false });
  }
}

function chrome() {
  const who = session();
  document.documentElement.lang = language();
  document.getElementById('skip-link').textContent = t('app.skip');
  const nav = document.getElementById('nav');
  nav.setAttribute('aria-label', t('app.menu'));
  const hash = location.hash || '#/';
  const link = (href, key) => h('a', { href, 'aria-current': hash === href ? 'page' : null }, t(key));
  nav.replaceChildren(who ? h('ul', {}, h('li', {}, link('#/', 'nav.overview')), h('li', {}, link('#/portfolio', 'nav.portfolio')),
    h('li', {}, link('#/members', 'nav.members'))) : '');
  const sessionBox = document.getElementById('session');
  sessionBox.replaceChildren(...(who ? [
    h('span', { className: 'who' }, t('session.as', { user: who.user, association: who.association })),
    h('span', { className: 'live-state', id: 'live-state' }),
    h('button', { type: 'button', className: 'link-button', onClick: logout }, t('nav.logout')),
  ] : []));
  const switcher = document.getElementById('language');
  switcher.textContent = t('app.language');
  switcher.setAttribute('lang', t('app.languageName'));
  showLiveState();
}

let liveState = 'closed';

function showLiveState() {
  const indicator = document.getElementById('live-state');
  if (indicator) {
    indicator.textContent = liveState === 'open' ? t('live.connected') : liveState === 'offline' ? t('live.offline') : '';
  }
}

live.onState(state => {
  liveState = state;
  showLiveState();
});

function logout() {
  setToken(null);
  live.disconnect();
  location.hash = '#/login';
}

document.getElementById('language').addEventListener('click', () => {
  setLanguage(language() === 'sv' ? 'en' : 'sv');
  route();
});
document.getElementById('skip-link').addEventListener('click', event => {
  event.preventDefault();
  document.getElementById('main').focus();
});
window.addEventListener('hashchange', route);
window.addEventListener('samplan:logged-out', () => {
  live.disconnect();
  location.hash = '#/login';
});
window.addEventListener('samplan:logged-in', () => live.connect());
live.onChange(change => {
  if (current?.onChange) {
    current.onChange(change);
  }
});

login.completeOidcLogin().finally(() => {
  if (session()) {
    live.connect();
  }
  route();
});

