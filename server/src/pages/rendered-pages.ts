import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import { gzip as gzipCallback } from 'node:zlib';
import type {} from '@fastify/static'; // adds reply.sendFile
import { SESSION_COOKIE, cookieOf } from '../auth/auth-cookies.js';
import { acceptsGzip } from '../common/gzip-pieces.js';
import { WorkerOnDemand } from '../common/module-worker.js';
import { isClientNavigation } from '../common/problem-details.filter.js';
import { RENDERED_FOR, renderedForValue } from '../common/request-origin.js';

/** The pages the server renders (ADR 13), as the client's app.routes.server.ts lists them. */
const RENDERED_PAGES = ['/admissions/:id'];

const gzip = promisify(gzipCallback);

/** Longer than this, and the browser gets the app's own index page and renders the page itself. */
const RENDER_TIMEOUT_MS = 3000;

interface RenderedPage {
  status: number;
  html: string;
}

/**
 * The admission page rendered on the server by the client's own code (ADR 13), in a worker thread, so that
 * a browser paints the page, its stay chart included, before the app's scripts have run; the app then
 * takes the page over (hydration). Only for a browser with a session: the page's API calls are made as
 * its user, with its cookie, to this server's own address. Anything else, or any failure, gets the
 * app's index page, as every other page does. `beforeSending` is given each rendered page's HTML as it
 * goes (the stay chart's picture is then drawn for it: PagePictures).
 */
export function serveRenderedPages(
  fastify: FastifyInstance,
  renderer: string | null,
  logger: { error(message: string): void },
  beforeSending: (html: string) => void = () => undefined,
): WorkerOnDemand {
  const worker = new WorkerOnDemand(renderer, 'The page renderer', logger);
  const handler = async (request: FastifyRequest, reply: FastifyReply) => {
    const page = await rendered(request, fastify, worker);
    if (page) {
      beforeSending(page.html);
      void reply.header('cache-control', 'no-store').header('vary', 'accept-encoding');
      void reply.type('text/html; charset=utf-8');
      if (!acceptsGzip(request.headers['accept-encoding'])) return reply.send(page.html);
      return reply.header('content-encoding', 'gzip').send(await gzip(page.html));
    }
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  };
  for (const url of RENDERED_PAGES) fastify.get(url, handler);
  return worker;
}

async function rendered(
  request: FastifyRequest,
  fastify: FastifyInstance,
  worker: WorkerOnDemand,
): Promise<RenderedPage | null> {
  if (!isClientNavigation(request) || !cookieOf(request, SESSION_COOKIE)) return null;
  const origin = ownOrigin(fastify);
  const running = origin === null ? null : await worker.running();
  if (!running) return null;
  const url = `${origin}${request.url}`;
  // The page's API calls are the browser's: its session, and its address in the audit trail.
  const browser = { cookie: request.headers.cookie ?? '', [RENDERED_FOR]: renderedForValue(request.ip) };
  const rendering = running.call<RenderedPage | null>('renderPage', url, browser);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<null>(
    (resolve) => (timer = setTimeout(() => resolve(null), RENDER_TIMEOUT_MS)),
  );
  try {
    const page = await Promise.race([rendering, timeout]);
    // A redirect (no session after all) or an error: the browser's own rendering deals with it.
    return page?.status === 200 ? page : null;
  } catch (error) {
    request.log.warn({ err: error }, 'the page could not be rendered on the server');
    return null;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * This server's own address, as the page's API calls reach it: loopback when it listens on every address;
 * null when it is not listening.
 */
function ownOrigin(fastify: FastifyInstance): string | null {
  const listening = fastify.server.address() as AddressInfo | null; // null: not listening (tests' inject)
  if (!listening) return null;
  const { address, port } = listening;
  const host = address === '0.0.0.0' || address === '::' ? '127.0.0.1' : address;
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
}
