// Accounts: everyone's own password and access tokens; for admins, every account with its organisation and roles,
// to create, disable, enable and re-assign.
import { gql, mutate, submitting } from '../api.js';
import { dateTime, h, panel } from '../dom.js';
import { nm, t } from '../i18n.js';
import { hashOf } from '../route.js';
import { hasRole, me } from '../session.js';

const ROLES = ['ENTERPRISE_EDITOR', 'INDUSTRY_REVIEWER', 'CURRICULUM_DESIGNER', 'AUDITOR', 'CLUSTER_LEAD', 'ADMIN'];

const KINDS = ['ENTERPRISE', 'INDUSTRY_BODY', 'SCHOOL', 'CLUSTER', 'QUALITY_OFFICE'];

const TOKENS = `{ accessTokens { id name createdAt revokedAt } }`;

const ACCOUNTS = `{
  accounts(first: 100) { totalCount edges { node { username displayName organisation { kind id name } roles enabled createdAt } } }
  enterprises(first: 100) { edges { node { id name nameEn } } }
  schools(first: 100) { edges { node { id name nameEn } } }
  clusters(first: 100) { edges { node { id name nameEn leads { role id name nameEn } } } }
}`;

const ACCOUNT_FIELDS = 'account { username } errors { path code message }';

const CREATE = `mutation create($input: CreateAccountInput!) { createAccount(input: $input) { ${ACCOUNT_FIELDS} } }`;
const ENABLE = `mutation enable($input: SetAccountEnabledInput!) { setAccountEnabled(input: $input) { ${ACCOUNT_FIELDS} } }`;
const ASSIGN = `mutation assign($input: AssignAccountInput!) { assignAccount(input: $input) { ${ACCOUNT_FIELDS} } }`;
const PASSWORD = `mutation password($input: ChangePasswordInput!) { changePassword(input: $input) { changed errors { path code message } } }`;
const CREATE_TOKEN = `mutation token($input: CreateAccessTokenInput!) { createAccessToken(input: $input) { token { id } secret } }`;
const REVOKE_TOKEN = `mutation revoke($input: RevokeAccessTokenInput!) { revokeAccessToken(input: $input) { token { id } errors { path code message } } }`;

export async function render(ctx) {
  const admin = hasRole('ADMIN');
  const [tokens, directory] = await Promise.all([gql(TOKENS), admin ? gql(ACCOUNTS) : null]);
  return h('div', { class: 'page' },
    h('header', { class: 'page-head' }, h('h1', {}, t('accounts.title'))),
    ownAccount(ctx, tokens.accessTokens),
    admin ? accountTable(ctx, directory) : null,
    admin ? createForm(ctx, directory) : null);
}

function formMessage(test) {
  return h('p', { class: 'form-message', role: 'status', 'data-test': test });
}

function input(id, label, props = {}) {
  const control = h('input', { id, 'data-test': id, ...props });
  return { control, field: h('div', { class: 'field' }, h('label', { for: id }, label), control) };
}

function ownAccount(ctx, tokens) {
  const account = me();
  const current = input('password-current', t('accounts.currentPassword'), { type: 'password', autocomplete: 'current-password', required: true });
  const next = input('password-new', t('accounts.newPassword'), { type: 'password', autocomplete: 'new-password', required: true, minlength: 10 });
  const passwordMessage = formMessage('password-message');
  const passwordButton = h('button', { type: 'submit', class: 'button button-primary', 'data-test': 'password-submit' }, t('accounts.changePassword'));
  const passwordForm = h('form', {
    class: 'toolbar', 'data-test': 'password-form',
    onsubmit: submitting(ctx, passwordButton, passwordMessage, t('accounts.saving'), async () => (await mutate(PASSWORD,
      { input: { currentPassword: current.control.value, newPassword: next.control.value } })).changePassword.errors),
  }, current.field, next.field, h('div', { class: 'form-actions' }, passwordButton, passwordMessage));

  const tokenName = input('token-name', t('accounts.tokenName'), { required: true, maxlength: 100 });
  const tokenMessage = formMessage('token-message');
  const secretBox = h('div', { 'data-test': 'token-secret-box' });
  const tokenButton = h('button', { type: 'submit', class: 'button', 'data-test': 'token-create' }, t('accounts.createToken'));
  const tokenForm = h('form', {
    class: 'toolbar', 'data-test': 'token-form',
    onsubmit: async (event) => {
      event.preventDefault();
      tokenButton.disabled = true;
      try {
        const created = (await mutate(CREATE_TOKEN, { input: { name: tokenName.control.value.trim() } })).createAccessToken;
        tokenMessage.textContent = '';
        // The secret is shown here once; drawing the view again would lose it, so only this form changes.
        secretBox.replaceChildren(h('p', { class: 'small' }, t('accounts.tokenOnce')),
          h('code', { class: 'token-secret', 'data-test': 'token-secret' }, created.secret));
        tokenList.appendChild(tokenRow(ctx, { id: created.token.id, name: tokenName.control.value.trim(), createdAt: new Date().toISOString() }));
        tokenName.control.value = '';
      } catch (error) {
        tokenMessage.textContent = error.message;
      }
      tokenButton.disabled = false;
    },
  }, tokenName.field, h('div', { class: 'form-actions' }, tokenButton, tokenMessage));
  const tokenList = h('tbody', {}, tokens.map((token) => tokenRow(ctx, token)));

  return panel(t('accounts.mine'),
    h('p', { 'data-test': 'account-summary' }, h('strong', {}, account.displayName || account.username), ` (${account.username})`,
      account.organisation ? ` · ${account.organisation.name || account.organisation.id}` : '',
      ` · ${account.roles.map((r) => t(`role.${r}`)).join('、')}`,
      ' · ', h('a', { href: hashOf('history', null, { actor: account.username }) }, t('accounts.myHistory'))),
    h('h3', {}, t('accounts.changePassword')), passwordForm,
    h('h3', {}, t('accounts.tokens')), h('p', { class: 'small muted' }, t('accounts.tokensHint')),
    h('div', { class: 'table-wrap' }, h('table', { class: 'table table-compact', 'data-test': 'token-table' },
      h('thead', {}, h('tr', {}, ['tokenName', 'tokenId', 'tokenCreated', 'tokenState'].map((k) => h('th', { scope: 'col' }, t(`accounts.${k}`))))),
      tokenList)),
    tokenForm, secretBox);
}

function tokenRow(ctx, token) {
  const revoke = h('button', { type: 'button', class: 'button button-quiet', 'data-test': 'token-revoke' },
    t('accounts.revoke'));
  revoke.addEventListener('click', submitting(ctx, revoke, (text) => { revoke.title = text; }, null,
    async () => (await mutate(REVOKE_TOKEN, { input: { id: token.id } })).revokeAccessToken.errors));
  return h('tr', { 'data-token': token.id },
    h('td', {}, token.name), h('td', { class: 'mono' }, token.id), h('td', { class: 'small' }, dateTime(token.createdAt)),
    h('td', {}, token.revokedAt ? `${t('accounts.revoked')} ${dateTime(token.revokedAt)}` : revoke));
}

/** The organisations an account may belong to, by kind, for the forms' suggestions. */
function organisations(directory) {
  const byKind = { ENTERPRISE: new Map(), INDUSTRY_BODY: new Map(), SCHOOL: new Map(), CLUSTER: new Map(), QUALITY_OFFICE: new Map() };
  directory.enterprises.edges.forEach(({ node }) => byKind.ENTERPRISE.set(node.id, nm(node)));
  directory.schools.edges.forEach(({ node }) => byKind.SCHOOL.set(node.id, nm(node)));
  directory.clusters.edges.forEach(({ node }) => {
    byKind.CLUSTER.set(node.id, nm(node));
    node.leads.filter((lead) => lead.role === 'INDUSTRY_BODY').forEach((lead) => byKind.INDUSTRY_BODY.set(lead.id, nm(lead)));
  });
  directory.accounts.edges.forEach(({ node }) => {
    byKind[node.organisation.kind].set(node.organisation.id, node.organisation.name || node.organisation.id);
  });
  return byKind;
}

/** Organisation kind and id, the id suggested from the organisations of that kind. */
function organisationFields(prefix, directory, kind, id) {
  const known = organisations(directory);
  const list = h('datalist', { id: `${prefix}-organisations` });
  const kindSelect = h('select', { id: `${prefix}-kind`, 'data-test': `${prefix}-kind` },
    KINDS.map((k) => h('option', { value: k }, t(`org.${k}`))));
  kindSelect.value = kind;
  const idInput = h('input', { id: `${prefix}-organisation`, list: `${prefix}-organisations`, required: true, value: id || '',
    'data-test': `${prefix}-organisation` });
  const fill = () => list.replaceChildren(...[...known[kindSelect.value].entries()]
    .map(([value, label]) => h('option', { value }, label)));
  kindSelect.addEventListener('change', fill);
  fill();
  return {
    kind: kindSelect,
    id: idInput,
    fields: [h('div', { class: 'field' }, h('label', { for: `${prefix}-kind` }, t('accounts.organisationKind')), kindSelect),
      h('div', { class: 'field' }, h('label', { for: `${prefix}-organisation` }, t('accounts.organisation')), idInput, list)],
  };
}

function roleBoxes(prefix, held) {
  const boxes = ROLES.map((role) => h('label', { class: 'check' },
    h('input', { type: 'checkbox', value: role, checked: held.includes(role), 'data-test': `${prefix}-role-${role}` }), ` ${t(`role.${role}`)}`));
  return {
    values: () => boxes.map((label) => label.firstChild).filter((box) => box.checked).map((box) => box.value),
    field: h('fieldset', { class: 'field roles' }, h('legend', {}, t('accounts.roles')), boxes),
  };
}

function accountTable(ctx, directory) {
  const accounts = directory.accounts.edges.map((edge) => edge.node);
  return panel(t('accounts.all', { n: directory.accounts.totalCount }),
    h('div', { class: 'table-wrap' }, h('table', { class: 'table', 'data-test': 'account-table' },
      h('thead', {}, h('tr', {}, ['username', 'organisation', 'roles', 'state', 'actions'].map((k) => h('th', { scope: 'col' }, t(`accounts.col.${k}`))))),
      h('tbody', {}, accounts.map((account) => accountRow(ctx, directory, account))))));
}

function accountRow(ctx, directory, account) {
  const message = formMessage('account-message');
  const toggle = h('button', { type: 'button', class: 'button', 'data-test': 'account-toggle',
    disabled: account.username === me().username }, t(account.enabled ? 'accounts.disable' : 'accounts.enable'));
  toggle.addEventListener('click', submitting(ctx, toggle, message, t('accounts.saving'), async () => (await mutate(ENABLE,
    { input: { username: account.username, enabled: !account.enabled } })).setAccountEnabled.errors));
  const organisation = organisationFields(`assign-${account.username}`, directory, account.organisation.kind, account.organisation.id);
  const roles = roleBoxes(`assign-${account.username}`, account.roles);
  const assignButton = h('button', { type: 'submit', class: 'button button-primary', 'data-test': 'assign-submit' }, t('accounts.assign'));
  const assignMessage = formMessage('assign-message');
  const assign = h('details', { class: 'assign' }, h('summary', { 'data-test': 'assign-open' }, t('accounts.reassign')),
    h('form', {
      'data-test': 'assign-form',
      onsubmit: submitting(ctx, assignButton, assignMessage, t('accounts.saving'), async () => (await mutate(ASSIGN, { input: {
        username: account.username, organisationKind: organisation.kind.value, organisationId: organisation.id.value.trim(),
        roles: roles.values() } })).assignAccount.errors),
    }, organisation.fields, roles.field, h('div', { class: 'form-actions' }, assignButton, assignMessage)));
  return h('tr', { 'data-account': account.username, 'data-enabled': String(account.enabled) },
    h('td', {}, h('strong', {}, account.username), account.displayName && account.displayName !== account.username
      ? h('div', { class: 'small muted' }, account.displayName) : null),
    h('td', {}, account.organisation.name || account.organisation.id,
      h('div', { class: 'small muted' }, `${t(`org.${account.organisation.kind}`)} · ${account.organisation.id}`)),
    h('td', { 'data-roles': account.roles.join(' ') }, account.roles.map((r) => t(`role.${r}`)).join('、')),
    h('td', {}, h('span', { class: `badge ${account.enabled ? 'status-approved' : 'status-rejected'}` },
      t(account.enabled ? 'accounts.enabled' : 'accounts.disabled'))),
    h('td', {}, toggle, ' ', h('a', { class: 'small', href: hashOf('history', account.username) }, t('accounts.history')), message, assign));
}

function createForm(ctx, directory) {
  const username = input('new-username', t('accounts.username'), { required: true, pattern: '[A-Za-z0-9._-]{3,64}', autocomplete: 'off' });
  const displayName = input('new-display-name', t('accounts.displayName'));
  const password = input('new-password', t('accounts.initialPassword'), { type: 'password', required: true, minlength: 10, autocomplete: 'new-password' });
  const organisation = organisationFields('new', directory, 'ENTERPRISE', '');
  const officeName = input('new-office-name', t('accounts.officeName'));
  const roles = roleBoxes('new', []);
  const message = formMessage('create-message');
  const button = h('button', { type: 'submit', class: 'button button-primary', 'data-test': 'create-submit' }, t('accounts.create'));
  return panel(t('accounts.new'), h('form', {
    class: 'account-form', 'data-test': 'create-form',
    onsubmit: submitting(ctx, button, message, t('accounts.saving'), async () => (await mutate(CREATE, { input: {
      username: username.control.value.trim(), displayName: displayName.control.value.trim() || null, password: password.control.value,
      organisationKind: organisation.kind.value, organisationId: organisation.id.value.trim(),
      organisationName: officeName.control.value.trim() || null, roles: roles.values() } })).createAccount.errors),
  }, h('div', { class: 'toolbar' }, username.field, displayName.field, password.field),
  h('div', { class: 'toolbar' }, organisation.fields, officeName.field),
  roles.field, h('p', { class: 'small muted' }, t('accounts.rolesHint')),
  h('div', { class: 'form-actions' }, button, message)));
}
