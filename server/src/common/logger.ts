import type { LoggerService } from '@nestjs/common';
import { pino, type Logger } from 'pino';
import { requestContext } from './request-context.js';

/** Structured JSON logs; every line written while serving a request carries its request id. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'infusion-tracker' },
    timestamp: pino.stdTimeFunctions.isoTime,
    // Fastify's own request loggers already carry reqId; other lines inside a request get it here.
    mixin: (_merge, _level, logger) => {
      const context = requestContext.getStore();
      return context && !('reqId' in logger.bindings()) ? { reqId: context.requestId } : {};
    },
    redact: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-xsrf-token"]', 'password'],
  });
}

/** Lets Nest's own messages go through the same pino logger. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, context?: string) {
    this.logger.info({ context }, String(message));
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
