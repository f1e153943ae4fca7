// Starts GraphiQL against this application's /graphql. The page's session cookie goes along (same origin), and the
// CSRF token from the XSRF-TOKEN cookie goes as the X-XSRF-TOKEN header, as Spring Security expects.
(function () {
  'use strict';

  function csrfToken() {
    const match = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]*)/);
    return match ? decodeURIComponent(match[1]) : null;
  }

  async function fetcher(graphQLParams, options) {
    const headers = Object.assign({ 'Content-Type': 'application/json', Accept: 'application/json' },
      (options && options.headers) || {});
    const token = csrfToken();
    if (token) {
      headers['X-XSRF-TOKEN'] = token;
    }
    const response = await fetch('/graphql', {
      method: 'POST',
      credentials: 'same-origin',
      headers: headers,
      body: JSON.stringify(graphQLParams)
    });
    return response.json();
  }

  const root = ReactDOM.createRoot(document.getElementById('graphiql'));
  root.render(React.createElement(GraphiQL, {
    fetcher: fetcher,
    defaultEditorToolsVisibility: true,
    defaultQuery: '# 先在主页登录 (Sign in on the main page first, or add an Authorization header below).\n'
      + '{\n  me {\n    username\n    roles\n    organisation { kind id name }\n  }\n}\n'
  }));
})();
