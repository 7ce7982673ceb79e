/**
 * The one way the atlas fetches anything: from the page's own origin, never through a redirect to
 * another one, never with cookies. Used by the data worker (the page itself fetches nothing), so
 * a misconfigured or hostile server in front of the atlas cannot send a reader's browser, or a
 * briefing's numbers, anywhere else.
 *
 * Why not just `fetch`: it follows redirects wherever they point, and a worker started from its
 * own URL is not covered by the page's `connect-src 'self'`. `mode: 'same-origin'` makes the
 * browser refuse a cross-origin redirect *before* sending it; a second, redirect-free request to
 * the same address only finds out why, so the message can say so.
 */

/** Thrown for a request the atlas will not make or whose answer it will not use. */
export class RefusedRequest extends Error {
  override name = 'RefusedRequest';
}

export async function fetchSameOriginText(url: string, origin: string): Promise<string> {
  const target = new URL(url);
  if (target.origin !== origin)
    throw new RefusedRequest(
      `refused: it is on ${target.origin}, and the atlas reads files from this site (${origin}) only`,
    );
  let response: Response;
  try {
    response = await fetch(target.href, {
      mode: 'same-origin',
      credentials: 'omit',
      redirect: 'follow',
      referrerPolicy: 'no-referrer',
    });
  } catch (error) {
    throw (await redirectedAway(target.href, origin)) ?? error;
  }
  // Belt and braces: the browser has already refused any hop to another origin.
  if (new URL(response.url || target.href).origin !== origin)
    throw new RefusedRequest(
      `refused: it was redirected to ${new URL(response.url).origin}; the atlas reads files from this site (${origin}) only`,
    );
  if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText}`.trim());
  return response.text();
}

/**
 * After a failed request: was it a redirect? Asked without following it, so nothing leaves the
 * origin. Browsers hide where an unfollowed redirect points (an "opaque redirect"), so the
 * message cannot name the other address.
 */
async function redirectedAway(url: string, origin: string): Promise<RefusedRequest | undefined> {
  try {
    const probe = await fetch(url, {
      mode: 'same-origin',
      credentials: 'omit',
      redirect: 'manual',
      referrerPolicy: 'no-referrer',
    });
    if (probe.type !== 'opaqueredirect') return undefined;
  } catch {
    return undefined;
  }
  return new RefusedRequest(
    `refused: the server answered with a redirect to another address; the atlas reads files from this site (${origin}) only, so it did not follow it and nothing was requested there`,
  );
}
