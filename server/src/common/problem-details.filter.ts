import { type ArgumentsHost, Catch, type ExceptionFilter, NotFoundException } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type {} from '@fastify/static'; // adds reply.sendFile
import { PROBLEM_CONTENT_TYPE, toProblem } from './problem-details.js';

/**
 * The one place errors become HTTP responses: application/problem+json for the API. A browser
 * navigating to a client route (e.g. /ward) gets the Angular index page instead of a 404.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  constructor(private readonly serveClient: boolean) {}

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    if (this.serveClient && error instanceof NotFoundException && isClientNavigation(request)) {
      void reply.header('cache-control', 'no-cache').sendFile('index.html');
      return;
    }
    sendProblem(error, request, reply);
  }
}

export function sendProblem(error: unknown, request: FastifyRequest, reply: FastifyReply): void {
  const problem = toProblem(error, request.log);
  problem.instance = request.url;
  problem.requestId = String(request.id);
  const retryAfter = (error as { retryAfterSeconds?: unknown }).retryAfterSeconds;
  if (typeof retryAfter === 'number') void reply.header('retry-after', String(retryAfter));
  void reply.status(problem.status).header('content-type', PROBLEM_CONTENT_TYPE).send(problem);
}

export function isClientNavigation(request: FastifyRequest): boolean {
  const path = request.url.split('?')[0];
  return (
    (request.method === 'GET' || request.method === 'HEAD') &&
    !path.startsWith('/api/') &&
    path !== '/api' &&
    !/\.[a-z0-9]+$/i.test(path) &&
    String(request.headers.accept ?? '').includes('text/html')
  );
}
