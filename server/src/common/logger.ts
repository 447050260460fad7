import type { LoggerService } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';
import { pino, type Logger } from 'pino';

/** Structured JSON logs. Lines about a request go through request.log, which carries its reqId. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'infusion-tracker' },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-xsrf-token"]', 'password'],
  });
}

/**
 * Nest's start-up chatter (a line per module, controller and route): debug, so that `LOG_LEVEL=debug`
 * shows the routes and a normal start shows only what matters, ending with the banner.
 */
const START_UP_CONTEXTS = new Set([
  'NestFactory',
  'InstanceLoader',
  'RoutesResolver',
  'RouterExplorer',
  'NestApplication',
]);

/** Lets Nest's own messages go through the same pino logger. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, context?: string) {
    if (context && START_UP_CONTEXTS.has(context)) this.logger.debug({ context }, String(message));
    else this.logger.info({ context }, String(message));
  }
  error(message: unknown, trace?: string, context?: string) {
    this.logger.error({ context, trace }, String(message));
  }
  warn(message: unknown, context?: string) {
    this.logger.warn({ context }, String(message));
  }
  debug(message: unknown, context?: string) {
    this.logger.debug({ context }, String(message));
  }
  verbose(message: unknown, context?: string) {
    this.logger.trace({ context }, String(message));
  }
}

/** One line per request when its response is sent (instead of Fastify's two): method, path, status, time. */
export function logRequests(
  fastify: FastifyInstance,
  redactUrl: (url: string) => string = (url) => url,
): void {
  fastify.addHook('onResponse', (request, reply, done) => {
    request.log.info(
      {
        req: { method: request.method, url: redactUrl(request.url), remoteAddress: request.ip },
        res: { statusCode: reply.statusCode },
        responseTime: Math.round(reply.elapsedTime * 10) / 10,
      },
      'request completed',
    );
    done();
  });
}
