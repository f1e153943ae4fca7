// Who is signed in: the answer of `me`, shown in the header and asked by views that offer actions by role.
import { gql, clearCache } from './api.js';

const ME = `{ me { username displayName roles organisation { kind id name } } }`;

let current = null;

/** The signed-in account ({username, displayName, roles, organisation}), or null before sign-in. */
export function me() {
  return current;
}

/** Whether the signed-in account holds a role. */
export function hasRole(role) {
  return !!current && current.roles.includes(role);
}

/** Asks the server who is signed in; throws NotSignedIn when nobody is. */
export async function refresh() {
  clearCache();
  const data = await gql(ME);
  current = data.me;
  return current;
}

/** Forgets the account, after logout. */
export function forget() {
  current = null;
  clearCache();
}
