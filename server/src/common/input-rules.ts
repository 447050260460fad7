import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { type ArgumentMetadata, BadRequestException, Injectable, type PipeTransform } from '@nestjs/common';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type FieldError, ValidationFailed } from './domain-error.js';
import { PROBLEM_CONTENT_TYPE } from './problem-details.js';
import { HTTP_PROBLEMS } from './problem-types.js';

/**
 * The rules every request meets before any controller sees it (docs/adr/0007-input-rules.md): JSON
 * bodies only, at most MAX_DEPTH levels deep; no __proto__/constructor keys; text without NUL,
 * unpaired surrogates or blank values, in bodies, query strings and path segments; numbers within
 * PostgreSQL's integer range; nested objects as objects and lists as lists; and `null` in a field the
 * contract does not mark nullable means the field was left out.
 */

export const MAX_DEPTH = 16;
export const MAX_URL_LENGTH = 4096;
const LARGEST_NUMBER = 2_147_483_647;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const UNPAIRED_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Only application/json bodies are read; any other content type is answered 415 by Fastify. */
export function acceptJsonBodiesOnly(fastify: FastifyInstance): void {
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    try {
      done(null, parseJsonBody(body as string));
    } catch (error) {
      done(error as Error, undefined);
    }
  });
}

/** JSON.parse after a flat scan of the nesting depth, so a deep body never reaches any recursion. */
export function parseJsonBody(text: string): unknown {
  if (text.trim() === '') throw new BadRequestException('The body is empty: send a JSON object.');
  if (depthOf(text) > MAX_DEPTH)
    throw new BadRequestException(`The JSON body is nested more than ${MAX_DEPTH} levels deep.`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new BadRequestException(`The body is not valid JSON: ${(error as Error).message}`);
  }
  const errors: FieldError[] = [];
  findForbiddenKeys(parsed, '', errors);
  if (errors.length > 0) throw new ValidationFailed(errors);
  return parsed;
}

function depthOf(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text.charCodeAt(i);
    if (inString) {
      if (char === 0x5c) i += 1;
      else if (char === 0x22) inString = false;
    } else if (char === 0x22) inString = true;
    else if (char === 0x7b || char === 0x5b) {
      depth += 1;
      if (depth > deepest) deepest = depth;
      if (deepest > MAX_DEPTH) return deepest;
    } else if (char === 0x7d || char === 0x5d) depth -= 1;
  }
  return deepest;
}

function findForbiddenKeys(value: unknown, path: string, errors: FieldError[]): void {
  if (typeof value !== 'object' || value === null) return;
  for (const [key, child] of Object.entries(value)) {
    const field = Array.isArray(value) ? `${path}[${key}]` : path ? `${path}.${key}` : key;
    if (FORBIDDEN_KEYS.has(key)) errors.push({ field, messages: [`${key} is not an accepted field name`] });
    else findForbiddenKeys(child, field, errors);
  }
}

/**
 * Malformed percent-encoding in the query string is refused before Fastify's lenient query parser
 * reads it (the path's own is refused by the router, see frameworkErrors below).
 */
export function refuseMalformedUrls(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', (request, reply, done) => {
    const url = request.raw.url ?? '';
    if (url.length > MAX_URL_LENGTH) {
      sendFrameworkProblem(414, `The URL is longer than ${MAX_URL_LENGTH} characters.`, request, reply);
      return;
    }
    const queryStart = url.indexOf('?');
    if (queryStart >= 0 && !decodesCleanly(url.slice(queryStart + 1))) {
      sendFrameworkProblem(400, 'The query string has malformed percent-encoding.', request, reply);
      return;
    }
    done();
  });
}

function decodesCleanly(query: string): boolean {
  try {
    for (const part of query.split(/[&=]/)) decodeURIComponent(part.replace(/\+/g, ' '));
    return true;
  } catch {
    return false;
  }
}

/** Fastify's router errors (bad percent-encoding in the path, a path segment too long) as problems. */
export function frameworkErrors(
  error: Error & { statusCode?: number },
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  const status = error.statusCode ?? 400;
  const detail =
    status === 414
      ? 'A path segment is too long.'
      : 'The URL path has malformed percent-encoding or is not valid.';
  sendFrameworkProblem(status, detail, request, reply);
}

function sendFrameworkProblem(
  status: number,
  detail: string,
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  const known = HTTP_PROBLEMS[status] ?? { code: 'bad-request', title: 'Bad request' };
  void reply
    .status(status)
    .header('content-type', PROBLEM_CONTENT_TYPE)
    .header('x-request-id', String(request.id))
    .send({
      type: `/problems/${known.code}`,
      title: known.title,
      status,
      detail,
      instance: (request.raw.url ?? '').slice(0, 200),
      requestId: String(request.id),
    });
}

/**
 * Errors Node's HTTP parser meets before there is a request (headers too large, a malformed request
 * line, a client too slow): a problem written straight to the socket, then the connection closes.
 */
export function clientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const status =
    error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
  const known = HTTP_PROBLEMS[status] ?? { code: 'bad-request', title: 'Bad request' };
  const detail =
    status === 431
      ? 'The request headers (or the URL) are too large.'
      : status === 408
        ? 'The request took too long to arrive.'
        : 'The request could not be read as HTTP.';
  const body = JSON.stringify({ type: `/problems/${known.code}`, title: known.title, status, detail });
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: ${PROBLEM_CONTENT_TYPE}\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}

const PRIMITIVE_TYPES = new Set<unknown>([String, Number, Boolean, Object, Array, Date, Symbol, BigInt]);
const API_PROPERTY = 'swagger/apiModelProperties';

type Dto = new (...args: never[]) => object;

interface PropertyShape {
  nullable: boolean;
  isArray: boolean;
  nested: Dto | null;
}

function isDto(type: unknown): type is Dto {
  return typeof type === 'function' && type.prototype !== undefined && !PRIMITIVE_TYPES.has(type);
}

function shapeOf(dto: Dto, key: string): PropertyShape | null {
  const documented = Reflect.getMetadata(API_PROPERTY, dto.prototype, key) as
    { type?: unknown; isArray?: boolean; nullable?: boolean } | undefined;
  const declared = Reflect.getMetadata('design:type', dto.prototype, key) as unknown;
  if (!documented && declared === undefined) return null;
  let type = documented?.type;
  if (typeof type === 'function' && type.prototype === undefined) type = (type as () => unknown)();
  let isArray = documented?.isArray === true || declared === Array;
  if (Array.isArray(type)) {
    isArray = true;
    type = type[0];
  }
  const nested = isDto(type) ? type : isDto(declared) ? declared : null;
  return { nullable: documented?.nullable === true, isArray, nested };
}

/**
 * The global pipe for the text, number, null and shape rules; runs before the ValidationPipe, so
 * class-validator sees only values these rules allow.
 */
@Injectable()
export class InputRulesPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type !== 'body' && metadata.type !== 'query' && metadata.type !== 'param') return value;
    const dto = isDto(metadata.metatype) ? metadata.metatype : null;
    if (
      metadata.type === 'body' &&
      dto &&
      (typeof value !== 'object' || value === null || Array.isArray(value))
    )
      throw new ValidationFailed([{ field: 'body', messages: ['The body must be a JSON object.'] }]);
    const errors: FieldError[] = [];
    const checked = check(
      value,
      dto,
      metadata.type === 'param' ? (metadata.data ?? 'path') : (metadata.data ?? ''),
      errors,
    );
    if (errors.length > 0) throw new ValidationFailed(errors);
    return checked;
  }
}

function check(value: unknown, dto: Dto | null, field: string, errors: FieldError[]): unknown {
  const name = field || 'body';
  if (typeof value === 'string') {
    const messages: string[] = [];
    if (value.includes('\u0000')) messages.push(`${name} must not contain a NUL character`);
    if (UNPAIRED_SURROGATE.test(value))
      messages.push(`${name} must not contain invalid Unicode (an unpaired surrogate)`);
    if (value.trim() === '')
      messages.push(`${name} must not be blank: leave it out if there is nothing to say`);
    if (messages.length > 0) errors.push({ field: name, messages });
    return value;
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || Math.abs(value) > LARGEST_NUMBER)
      errors.push({ field: name, messages: [`${name} is too large`] });
    return value;
  }
  if (Array.isArray(value)) return value.map((item, index) => check(item, dto, `${name}[${index}]`, errors));
  if (typeof value !== 'object' || value === null) return value;
  const object = value as Record<string, unknown>;
  for (const key of Object.keys(object)) {
    const child = field ? `${field}.${key}` : key;
    if (FORBIDDEN_KEYS.has(key)) {
      errors.push({ field: child, messages: [`${key} is not an accepted field name`] });
      continue;
    }
    const shape = dto ? shapeOf(dto, key) : null;
    const item = object[key];
    if (item === null) {
      // One meaning for null: "not given", unless the contract marks the field nullable.
      if (dto && !shape?.nullable) delete object[key];
      continue;
    }
    if (shape?.isArray && typeof item === 'object' && !Array.isArray(item)) {
      errors.push({ field: child, messages: [`${child} must be a list`] });
      continue;
    }
    if (shape && !shape.isArray && shape.nested && Array.isArray(item)) {
      errors.push({ field: child, messages: [`${child} must be an object, not a list`] });
      continue;
    }
    object[key] = check(item, shape?.nested ?? null, child, errors);
  }
  return object;
}
