import { gunzipSync } from 'node:zlib';
import { acceptsGzip, gzipOf, gzipPiece } from './gzip-pieces.js';

describe('gzip answers from pieces compressed apart', () => {
  it('decompresses to the pieces in order, whatever their sizes and characters', () => {
    const shared = JSON.stringify({ pulse: Array.from({ length: 5000 }, (_, index) => 60 + (index % 40)) });
    const texts = ['{"patient":"Zoë Ångström — 37 °C",', `"observations":${shared}`, '', '}'];
    const body = gzipOf(texts.map(gzipPiece));
    expect(gunzipSync(body).toString('utf8')).toBe(texts.join(''));
    expect(body.length).toBeLessThan(Buffer.byteLength(texts.join('')) / 4);
  });

  it('gives a valid member for one piece and for none', () => {
    expect(gunzipSync(gzipOf([gzipPiece('{}')])).toString()).toBe('{}');
    expect(gunzipSync(gzipOf([])).toString()).toBe('');
  });

  it('reuses a piece in several answers', () => {
    const shared = gzipPiece('x'.repeat(70_000));
    expect(gunzipSync(gzipOf([gzipPiece('a'), shared])).toString()).toBe(`a${'x'.repeat(70_000)}`);
    expect(gunzipSync(gzipOf([gzipPiece('b'), shared, gzipPiece('c')])).toString()).toBe(
      `b${'x'.repeat(70_000)}c`,
    );
  });
});

describe('acceptsGzip', () => {
  it.each([
    ['gzip, deflate, br, zstd', true],
    ['br;q=1.0, gzip;q=0.8, *;q=0.1', true],
    ['x-gzip', true],
    ['*', true],
    ['GZIP', true],
    ['identity', false],
    ['br', false],
    ['gzip;q=0', false],
    ['*, gzip;q=0', false],
    ['gzip;q=0.000', false],
    ['gzip;q=nonsense', false],
    ['', false],
    [undefined, false],
  ])('%s: %s', (header, accepted) => {
    expect(acceptsGzip(header)).toBe(accepted);
  });
});
