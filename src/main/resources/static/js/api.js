// The page's only ways to the server: GraphQL at POST /graphql, and the document upload at POST /api/submissions.
import { t } from './i18n.js';

/** An error to show the user in words. */
export class ApiError extends Error {}

const cache = new Map();

/** Runs a GraphQL query; answers of the same query and variables are kept until {@link clearCache}. */
export function gql(query, variables = {}) {
  const key = JSON.stringify([query, variables]);
  if (!cache.has(key)) {
    const answer = post(query, variables);
    cache.set(key, answer);
    answer.catch(() => cache.delete(key));
  }
  return cache.get(key);
}

/** Forgets every kept answer, after the data changed. */
export function clearCache() {
  cache.clear();
}

async function post(query, variables) {
  let response;
  try {
    response = await fetch('graphql', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
  } catch (e) {
    throw new ApiError(t('state.network'));
  }
  let body;
  try {
    body = await response.json();
  } catch (e) {
    throw new ApiError(response.ok ? t('state.badResponse', { status: response.status })
      : t('state.http', { status: response.status }));
  }
  if (body.errors && body.errors.length) {
    throw new ApiError(t('state.api', { message: body.errors.map((error) => error.message).join(' ') }));
  }
  if (!response.ok || !body.data) {
    throw new ApiError(t('state.http', { status: response.status }));
  }
  return body.data;
}

/**
 * Uploads a work-task document as it is (the server parses and validates it, so even a malformed file gets
 * its problems located). Answers {status, body}: 200/201 with the result, 422/413 with {message, errors}.
 */
export async function uploadSubmission(text) {
  let response;
  try {
    response = await fetch('api/submissions', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: text,
    });
  } catch (e) {
    throw new ApiError(t('state.network'));
  }
  let body = null;
  try {
    body = await response.json();
  } catch (e) {
    // handled below
  }
  if (response.ok || response.status === 422 || response.status === 413) {
    if (body) {
      return { status: response.status, body };
    }
  }
  throw new ApiError(t('state.http', { status: response.status }));
}
