import { QueryFailedError } from 'typeorm';
import { isDatabaseUnavailable } from './database-unavailable.js';

const withCode = (code: string) => Object.assign(new Error('failed'), { code });

describe('isDatabaseUnavailable', () => {
  it.each([
    ['a refused connection', withCode('ECONNREFUSED')],
    ['a server shutting down', withCode('57P01')],
    ['a server starting up', withCode('57P03')],
    ['a connection exception', withCode('08006')],
    ['a statement timeout', withCode('57014')],
    ['a connection that ended', new Error('Connection terminated unexpectedly')],
    ['a pool with no free connection in time', new Error('timeout exceeded when trying to connect')],
    ['a wrapped driver error', new QueryFailedError('SELECT 1', [], withCode('57P01'))],
  ])('is true for %s', (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['a unique violation', withCode('23505')],
    ['a check violation', new QueryFailedError('INSERT', [], withCode('23514'))],
    ['a bug', new TypeError('x is undefined')],
    ['nothing', undefined],
  ])('is false for %s', (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});
