// Bookmarkable hash routes: #/view/argument?key=value.

/** Splits '#/programme/prg-1?target=cert:x' into {name: 'programme', arg: 'prg-1', query}. */
export function parseHash(hash = location.hash) {
  const raw = hash.replace(/^#\/?/, '');
  const [path, queryString] = raw.split('?');
  const parts = (path || '').split('/').filter(Boolean).map((part) => decodeURIComponent(part));
  return { name: parts[0] || 'home', arg: parts[1] || null, query: new URLSearchParams(queryString || '') };
}

/** A hash for a view, an argument and query parameters (empty ones left out). */
export function hashOf(name, arg, query = {}) {
  const search = Object.entries(query)
    .filter(([, value]) => value !== null && value !== undefined && value !== '')
    .map(([key, value]) => `${key}=${readable(value)}`)
    .join('&');
  return `#/${name}${arg ? `/${readable(arg)}` : ''}${search ? `?${search}` : ''}`;
}

/** Encodes only what would break the hash (%, &, =, #, +, ?, /, spaces), so Chinese and ':' stay readable. */
function readable(value) {
  return String(value).replace(/[%&=#+?/\s]/g, (c) => encodeURIComponent(c));
}
