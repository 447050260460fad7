/**
 * JSON text of a `T`, written by PostgreSQL (json_build_object, json_agg) and sent as it is: a
 * controller that returns one declares `@Header('Content-Type', 'application/json; charset=utf-8')`,
 * so that Fastify sends the string unchanged, and documents `T` with `@ApiOkResponse({ type: T })`.
 * For large reads only, where parsing rows into objects and serialising them again is most of the
 * request's cost; the type parameter says which response shape the text must have.
 */
export type JsonText<T> = string & { readonly jsonOf?: T };
