// The page's way to the server: GraphQL at POST /graphql, and the REST upload for spreadsheet files.
import { t } from './i18n.js';

/** An error to show the user in words. */
export class ApiError extends Error {}

/** The caller is not signed in (or the session ended): the page shows its login. */
export class NotSignedIn extends ApiError {}

/** The CSRF token Spring Security keeps in the XSRF-TOKEN cookie, sent back as a header with every write. */
function csrfHeaders() {
  const match = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]*)/);
  return match ? { 'X-XSRF-TOKEN': decodeURIComponent(match[1]) } : {};
}

/** Signs in with the form login; answers null, or the message to show. */
export async function login(username, password) {
  let response;
  try {
    response = await fetch('login', {
      method: 'POST',
      headers: { Accept: 'application/json', 'Content-Type': 'application/x-www-form-urlencoded', ...csrfHeaders() },
      body: new URLSearchParams({ username, password }),
    });
  } catch (e) {
    return t('state.network');
  }
  clearCache();
  if (response.ok) {
    return null;
  }
  try {
    const problem = await response.json();
    return problem.detail || t('login.failed');
  } catch (e) {
    return t('login.failed');
  }
}

/** Ends the session. */
export async function logout() {
  try {
    await fetch('logout', { method: 'POST', headers: { Accept: 'application/json', ...csrfHeaders() } });
  } finally {
    clearCache();
  }
}

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

/** Runs a GraphQL mutation (never kept) and forgets every kept answer, since the data may have changed. */
export async function mutate(query, variables = {}) {
  try {
    return await post(query, variables);
  } finally {
    clearCache();
  }
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
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...csrfHeaders() },
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
  if (body.errors && body.errors.some((error) => error.extensions && error.extensions.classification === 'UNAUTHORIZED')) {
    throw new NotSignedIn(t('login.needed'));
  }
  if (body.errors && body.errors.length) {
    throw new ApiError(t('state.api', { message: body.errors.map((error) => error.message).join(' ') }));
  }
  if (!response.ok || !body.data) {
    throw new ApiError(t('state.http', { status: response.status }));
  }
  return body.data;
}

const SUBMIT_DOCUMENT = `mutation submit($input: SubmitWorkTasksDocumentInput!) {
  submitWorkTasksDocument(input: $input) {
    outcome
    submission { id version }
    matchedPoints { path givenName matchedBy point { id kind name nameEn } }
    createdPoints { id kind name nameEn }
    errors { path code message }
  }
}`;

/**
 * Submits a work-task document as it is, through GraphQL (the server parses and validates the text, so even a
 * malformed file gets its problems located). Answers {status, body} in the shape of the REST upload:
 * 200/201 with the result, 422 with {message, errors}.
 */
export async function uploadSubmission(text) {
  const data = await post(SUBMIT_DOCUMENT, { input: { document: text } });
  const payload = data.submitWorkTasksDocument;
  if (payload.errors.length) {
    return { status: 422, body: { message: t('submit.rejected', { n: payload.errors.length }), errors: payload.errors } };
  }
  return {
    status: payload.outcome === 'UNCHANGED' ? 200 : 201,
    body: {
      outcome: payload.outcome,
      submissionId: payload.submission.id,
      version: payload.submission.version,
      matchedPoints: payload.matchedPoints,
      createdPoints: payload.createdPoints,
    },
  };
}

/**
 * Uploads a filled spreadsheet template (.xlsx, or the work-task sheet as .csv) to the REST upload, which checks it
 * like a JSON document and reports problems by sheet, row and column. Answers {status, body} like
 * {@link uploadSubmission}.
 */
export async function uploadSubmissionFile(file) {
  const form = new FormData();
  form.append('file', file, file.name);
  let response;
  try {
    response = await fetch('api/submissions', {
      method: 'POST', headers: { Accept: 'application/json', ...csrfHeaders() }, body: form,
    });
  } catch (e) {
    throw new ApiError(t('state.network'));
  }
  if (response.status === 401) {
    throw new NotSignedIn(t('login.needed'));
  }
  let body;
  try {
    body = await response.json();
  } catch (e) {
    if (response.status === 413) {
      return { status: 413, body: { errors: [] } };
    }
    throw new ApiError(t('state.http', { status: response.status }));
  }
  if (!response.ok && response.status !== 422 && response.status !== 413) {
    throw new ApiError(body && body.message ? body.message : t('state.http', { status: response.status }));
  }
  return { status: response.status, body };
}

/**
 * An event handler that runs a mutation from a form or a button: the button waits, `message` (an element, or a
 * function given the text) shows `saving` and then the problems `run` answers, or its failure; when `run` answers
 * no problems the view is drawn again.
 */
export function submitting(ctx, button, message, saving, run) {
  const show = typeof message === 'function' ? message : (text) => { message.textContent = text; };
  return async (event) => {
    if (event) {
      event.preventDefault();
    }
    button.disabled = true;
    if (saving) {
      show(saving);
    }
    try {
      const problems = await run();
      if (problems && problems.length) {
        show(problems.map((p) => p.message).join(' '));
        button.disabled = false;
        return;
      }
      ctx.reload();
    } catch (error) {
      show(error.message);
      button.disabled = false;
    }
  };
}
