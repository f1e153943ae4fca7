// The login form: the page's form login with a session cookie (the demo accounts are listed in the README).
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { login } from '../api.js';

/** Renders the form; onSignedIn runs after a successful login. */
export function render(onSignedIn, notice) {
  const message = h('p', { class: 'login-message', role: 'alert', 'data-test': 'login-message' }, notice || '');
  const username = h('input', { id: 'login-username', name: 'username', autocomplete: 'username', required: true,
    'data-test': 'login-username' });
  const password = h('input', { id: 'login-password', name: 'password', type: 'password',
    autocomplete: 'current-password', required: true, 'data-test': 'login-password' });
  const button = h('button', { type: 'submit', class: 'primary', 'data-test': 'login-submit' }, t('login.submit'));
  const form = h('form', {
    class: 'login-form',
    'data-test': 'login-form',
    onsubmit: async (event) => {
      event.preventDefault();
      button.disabled = true;
      message.textContent = t('login.signingIn');
      const failure = await login(username.value.trim(), password.value);
      button.disabled = false;
      if (failure) {
        message.textContent = failure;
        password.select();
      } else {
        message.textContent = '';
        onSignedIn();
      }
    },
  },
  h('h1', {}, t('login.title')),
  h('p', { class: 'muted' }, t('login.intro')),
  h('label', { for: 'login-username' }, t('login.username')), username,
  h('label', { for: 'login-password' }, t('login.password')), password,
  button, message);
  setTimeout(() => username.focus(), 0);
  return h('section', { class: 'login-view' }, form);
}
