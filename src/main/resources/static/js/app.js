// The page: header, navigation, language toggle and a hash router over the views.
import { lang, setLang, t } from './i18n.js';
import { errorBox, h, loadingBox } from './dom.js';
import { parseHash } from './route.js';
import { NotSignedIn, logout } from './api.js';
import * as session from './session.js';
import * as login from './views/login.js';
import * as home from './views/home.js';
import * as job from './views/job.js';
import * as programme from './views/programme.js';
import * as matrix from './views/matrix.js';
import * as trace from './views/trace.js';
import * as search from './views/search.js';
import * as submit from './views/submit.js';
import * as historyView from './views/history.js';
import * as accounts from './views/accounts.js';

// The audit trail's module is not called history: that name is the browser's History API.
const views = { home, job, programme, matrix, trace, search, submit, history: historyView, accounts };

let renders = 0;
let cleanups = [];

function translateShell() {
  document.title = t('app.title');
  document.querySelectorAll('[data-i18n]').forEach((element) => {
    element.textContent = t(element.dataset.i18n);
  });
  showAccount();
  document.getElementById('app-nav').setAttribute('aria-label', t('app.nav'));
  const toggle = document.getElementById('lang-toggle');
  toggle.textContent = t('lang.switch');
  toggle.setAttribute('aria-label', t('lang.switchLabel'));
  toggle.lang = lang() === 'zh' ? 'en' : 'zh-CN';
}

/** The header's account box: who is signed in, their organisation and roles. */
function showAccount() {
  const box = document.getElementById('user-box');
  const button = document.getElementById('logout');
  const account = session.me();
  box.hidden = !account;
  button.hidden = !account;
  if (!account) {
    box.replaceChildren();
    return;
  }
  const organisation = account.organisation
    ? `${account.organisation.name || account.organisation.id} (${t(`org.${account.organisation.kind}`)})` : '';
  box.replaceChildren(
    h('span', { class: 'user-name', 'data-test': 'user-name' }, account.displayName || account.username),
    h('span', { class: 'user-org', 'data-test': 'user-org' }, organisation),
    h('span', { class: 'user-roles', 'data-test': 'user-roles', 'data-roles': account.roles.join(' ') },
      account.roles.map((role) => t(`role.${role}`)).join('、')));
}

/** Shows the login in place of the view; the route stays, so the view opens once signed in. */
function showLogin(main, notice) {
  main.dataset.view = 'login';
  main.replaceChildren(login.render(async () => {
    await session.refresh();
    showAccount();
    render();
  }, notice));
  document.title = `${t('login.title')} · ${t('app.title')}`;
  main.dataset.state = 'ready';
}

function runCleanups() {
  for (const cleanup of cleanups) {
    try {
      cleanup();
    } catch (e) {
      // a chart already gone
    }
  }
  cleanups = [];
}

async function render() {
  const route = parseHash();
  const view = views[route.name];
  const main = document.getElementById('view');
  const token = ++renders;
  runCleanups();
  main.dataset.view = route.name;
  main.dataset.route = location.hash || '#/';
  main.dataset.state = 'loading';
  main.replaceChildren(loadingBox());
  document.querySelectorAll('[data-nav]').forEach((link) => {
    if (link.dataset.nav === route.name) {
      link.setAttribute('aria-current', 'page');
    } else {
      link.removeAttribute('aria-current');
    }
  });
  const pending = [];
  const ctx = {
    route,
    isCurrent: () => token === renders,
    onCleanup: (fn) => cleanups.push(fn),
    defer: (promise) => pending.push(promise),
    /** Draws the view again in place, after a change the view made itself. */
    reload: () => render(),
    /** Goes to another hash; replace keeps the history entry (for filters). */
    navigate: (hash, { replace = false } = {}) => {
      if (replace) {
        history.replaceState(null, '', hash);
        main.dataset.route = location.hash;
      } else {
        location.hash = hash;
      }
    },
  };
  try {
    if (!session.me()) {
      await session.refresh();
      showAccount();
    }
    if (!view) {
      throw new Error(t('state.notFound', { hash: location.hash }));
    }
    const content = await view.render(ctx);
    if (!ctx.isCurrent()) {
      return;
    }
    main.replaceChildren(content);
    document.title = `${t(`nav.${route.name}`)} · ${t('app.title')}`;
    await Promise.all(pending);
    if (ctx.isCurrent()) {
      main.dataset.state = 'ready';
    }
  } catch (error) {
    if (!ctx.isCurrent()) {
      return;
    }
    if (error instanceof NotSignedIn) {
      session.forget();
      showAccount();
      showLogin(main, session.me() === null && renders > 1 ? error.message : '');
      return;
    }
    console.error(error);
    main.replaceChildren(errorBox(error, () => render()));
    main.dataset.state = 'error';
  }
}

function start() {
  setLang(lang());
  translateShell();
  document.getElementById('lang-toggle').addEventListener('click', () => {
    setLang(lang() === 'zh' ? 'en' : 'zh');
    translateShell();
    render();
  });
  document.getElementById('logout').addEventListener('click', async () => {
    await logout();
    session.forget();
    showAccount();
    render();
  });
  // The skip link moves the focus to the view without touching the route in the address.
  document.querySelector('.skip-link').addEventListener('click', (event) => {
    event.preventDefault();
    document.getElementById('view').focus();
  });
  window.addEventListener('hashchange', render);
  render();
}

start();
