import { randomUUID } from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import { LogController } from 'fastify';
import type { Logger } from 'pino';
import { AppModule } from './app.module.js';
import type { AppConfig } from './config/app-config.js';
import { createLogger, logRequests, PinoNestLogger } from './common/logger.js';
import { ProblemDetailsFilter } from './common/problem-details.filter.js';
import { createValidationPipe } from './common/validation.js';
import {
  acceptJsonBodiesOnly,
  clientErrorHandler,
  frameworkErrors,
  InputRulesPipe,
  refuseMalformedUrls,
} from './common/input-rules.js';
import { serveClient } from './client-assets.js';
import { serveRenderedPages } from './pages/rendered-pages.js';
import { PagePictures } from './timeline/page-pictures.js';
import { useSecurityHeaders } from './common/security-headers.js';
import { createApiDocument } from './openapi/api-document.js';
import { withoutPatientLinkToken } from './patient-links/patient-link-token.js';

export interface CreatedApp {
  app: NestFastifyApplication;
  log: Logger;
}

/** Builds the whole HTTP application on one database; used by main.ts and by the integration tests. */
export async function createApp(config: AppConfig, databaseUrl: string): Promise<CreatedApp> {
  const log = createLogger(config.logLevel);
  const adapter = new FastifyAdapter({
    loggerInstance: log,
    // logRequests writes one line per request instead of Fastify's two.
    logController: new LogController({ disableRequestLogging: true }),
    trustProxy: process.env.TRUST_PROXY === 'true',
    bodyLimit: 256 * 1024,
    requestIdHeader: 'x-request-id',
    genReqId: () => randomUUID(),
    return503OnClosing: true,
    frameworkErrors,
    clientErrorHandler,
  });
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(config, databaseUrl),
    adapter,
    {
      logger: new PinoNestLogger(log),
      bufferLogs: false,
      bodyParser: false, // JSON only, parsed by acceptJsonBodiesOnly
    },
  );
  const fastify = app.getHttpAdapter().getInstance();
  acceptJsonBodiesOnly(fastify);
  refuseMalformedUrls(fastify);
  // A patient link's token is a credential: logs show its hash prefix (issue 13).
  logRequests(fastify, (url) => withoutPatientLinkToken(url, config.sessionSecret));
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.header('x-request-id', request.id);
    done();
  });

  useSecurityHeaders(fastify, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        upgradeInsecureRequests: config.secureCookies ? [] : null,
      },
    },
  });
  await app.register(fastifyCookie);

  app.setGlobalPrefix('api');
  app.useGlobalPipes(new InputRulesPipe(), createValidationPipe());
  app.useGlobalFilters(new ProblemDetailsFilter(config.clientDir !== null));
  if (config.clientDir) {
    serveClient(app, config.clientDir);
    const pagePictures = app.get(PagePictures);
    const pages = serveRenderedPages(fastify, config.pageRenderer, log, (html) => pagePictures.prepare(html));
    fastify.addHook('onClose', () => pages.stop());
  }

  const document = createApiDocument(app);
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });

  await app.init();
  await fastify.ready();
  return { app, log };
}
