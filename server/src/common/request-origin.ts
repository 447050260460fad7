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
  return { requestId: String(request.id), clientAddress: request.ip ?? null };
}
