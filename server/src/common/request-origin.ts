import { randomBytes, timingSafeEqual } from 'node:crypto';
import { isIP } from 'node:net';
import type { FastifyRequest } from 'fastify';

/**
 * Which HTTP request a write came from, for its audit row. It is passed along with the actor rather
 * than kept in AsyncLocalStorage: on Node 20 that hooks every promise and cost a fifth of the server's
 * CPU time on the busiest endpoint (see bench/README.md).
 */
export interface RequestOrigin {
  requestId: string | null;
  clientAddress: string | null;
}

export function originOf(request: FastifyRequest): RequestOrigin {
  return { requestId: String(request.id), clientAddress: renderedFor(request) ?? request.ip ?? null };
}

/**
 * The header with which the page this server renders (ADR 13) names the browser it renders for: the
 * page's API calls come from this server itself, over loopback, and their audit rows should name the
 * browser's address, as when the browser makes them. Its value holds a secret only this process knows,
 * so that no other client can name an address for its own requests.
 */
export const RENDERED_FOR = 'x-rendered-for';
const SECRET = Buffer.from(randomBytes(24).toString('base64url'));

/** The RENDERED_FOR value for a render made for the browser at `clientAddress`. */
export const renderedForValue = (clientAddress: string): string => `${SECRET} ${clientAddress}`;

/** The browser's address, when this request is one of this process's page renders (RENDERED_FOR). */
function renderedFor(request: FastifyRequest): string | null {
  const value = request.headers[RENDERED_FOR];
  if (typeof value !== 'string') return null;
  const [secret = '', address = ''] = value.split(' ');
  const given = Buffer.from(secret);
  const trusted = given.length === SECRET.length && timingSafeEqual(given, SECRET);
  return trusted && isIP(address) ? address : null;
}
