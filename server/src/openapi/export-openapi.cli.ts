import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppModule } from '../app.module.js';
import { loadConfig } from '../config/app-config.js';
import { createApiDocument } from './api-document.js';

// Writes the OpenAPI description to a file (default docs/openapi.json) without a database: in Nest's
// preview mode no provider is instantiated, so TypeORM never connects; the controllers' metadata is
// all SwaggerModule reads. npm run api:types runs it, then generates the client's types from the file.
//   node --import ./server/src/testing/register-typescript.mjs server/src/openapi/export-openapi.cli.ts [file]

const target = process.argv[2] ?? 'docs/openapi.json';
const config = loadConfig({ LOG_LEVEL: 'silent' });
const app = await NestFactory.create<NestFastifyApplication>(
  AppModule.forRoot(config, 'postgres://unused@127.0.0.1:1/unused'),
  new FastifyAdapter(),
  { preview: true, logger: false, abortOnError: false },
);
app.setGlobalPrefix('api');
writeFileSync(target, JSON.stringify(createApiDocument(app), null, 2) + '\n');
await app.close();
