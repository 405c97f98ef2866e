import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { unauthorizedBody } from './bodies.js';

const digest = (text: string) => createHash('sha256').update(text).digest();

/**
 * Requires `Authorization: Bearer <token>`: otherwise a 401 with the seed's `{ "error": ... }`
 * body and `WWW-Authenticate: Bearer` (RFC 6750). Tokens are compared as SHA-256 digests in
 * constant time, so neither the comparison's time nor its length leaks the token.
 */
export function requireBearerToken(token: string): RequestHandler {
  const expected = digest(token);
  return (req, res, next) => {
    const header = req.get('authorization');
    const match = header === undefined ? null : /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header);
    if (match === null) {
      res
        .status(401)
        .set('WWW-Authenticate', 'Bearer realm="v3-filters"')
        .json(unauthorizedBody('Authorization required: send the header Authorization: Bearer <token>'));
      return;
    }
    if (!timingSafeEqual(digest(match[1]!), expected)) {
      res
        .status(401)
        .set('WWW-Authenticate', 'Bearer realm="v3-filters", error="invalid_token"')
        .json(unauthorizedBody('Bearer token validation failed: the token is not valid'));
      return;
    }
    next();
  };
}
