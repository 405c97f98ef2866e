import type { RequestHandler } from 'express';

/**
 * The playground's Content-Security-Policy: scripts only from files of the page's origin (no
 * inline script, no event-handler attribute), requests to the origin only, frames of the origin
 * only. Styles may be inline: CodeMirror writes its own stylesheet at run time (without it, a
 * space typed in the editor becomes a no-break space).
 */
const PLAYGROUND_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "frame-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** No other site may frame the playground (clickjacking). */
export const PAGE_CSP = `${PLAYGROUND_POLICY}; frame-ancestors 'none'`;

/** The railroad diagrams are framed by the playground itself, and by no other site. */
export const FRAMED_PAGE_CSP = `${PLAYGROUND_POLICY}; frame-ancestors 'self'`;

/** Pages the playground shows in its own frame. */
const FRAMED_PAGES = new Set(['/diagrams.html']);

/** The policy for the page at `path`. */
export function contentSecurityPolicy(path: string): string {
  return FRAMED_PAGES.has(path) ? FRAMED_PAGE_CSP : PAGE_CSP;
}

/**
 * Headers on every answer: `nosniff` (a JSON body or a script is never read as another type), and
 * the policy for pages.
 */
export const securityHeaders: RequestHandler = (req, res, next) => {
  res.set('X-Content-Type-Options', 'nosniff');
  res.set('Content-Security-Policy', contentSecurityPolicy(req.path));
  if (!FRAMED_PAGES.has(req.path)) res.set('X-Frame-Options', 'DENY');
  next();
};
