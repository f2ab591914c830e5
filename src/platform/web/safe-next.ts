/** A stand-in origin: only what resolves onto it is a path of ours. */
const BASE = 'http://concord.invalid';

/** True when a path would be read as another host: two slashes, or a slash and a backslash. */
function looksLikeAuthority(path: string): boolean {
  return /^[/\\]{2}/.test(path);
}

/** The path with percent-escapes undone where they decode, for the checks that a proxy might do. */
function decodedOnce(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/**
 * The one place a return-to target (`next` after sign-in, or any other) is honoured. The
 * value is read as a browser would read a Location header — leading and trailing control
 * characters and spaces dropped, tabs and newlines removed anywhere, backslashes taken as
 * slashes, `.` and `..` segments resolved — and must land on a path of this site whose first
 * segment cannot be taken for a host (`/.//evil` resolves to `//evil`, which a browser follows
 * to evil). Encoded slashes count as slashes for that check, in case something between us
 * and the browser decodes them. Anything else, a repeated parameter included, gives the fallback.
 * @example safeNext('/.//evil.example', '/en/account') // '/en/account'
 */
export function safeNext(next: unknown, fallback: string): string {
  if (typeof next !== 'string') return fallback;
  // What the WHATWG URL parser strips before it reads anything.
  // eslint-disable-next-line no-control-regex
  const cleaned = next.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '').replace(/[\t\n\r]/g, '');
  // Only an absolute path: no scheme (`javascript:`, `https:`), no relative path.
  if (!cleaned.startsWith('/') || looksLikeAuthority(cleaned)) return fallback;
  let url: URL;
  try {
    url = new URL(cleaned, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE || looksLikeAuthority(url.pathname) || looksLikeAuthority(decodedOnce(url.pathname))) return fallback;
  const out = url.pathname + url.search + url.hash;
  // What we send is itself resolved again by the browser: it must come back unchanged.
  const again = new URL(out, BASE);
  return again.origin === BASE && again.pathname + again.search + again.hash === out ? out : fallback;
}
