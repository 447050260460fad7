import { securityHeaders } from './security-headers.js';

describe('securityHeaders', () => {
  it('works out helmet’s headers once, for the given policy', () => {
    const headers = securityHeaders({
      contentSecurityPolicy: { directives: { defaultSrc: ["'self'"], frameAncestors: ["'none'"] } },
    });
    expect(headers['content-security-policy']).toContain("default-src 'self'");
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'strict-transport-security': expect.stringContaining('max-age='),
      'referrer-policy': 'no-referrer',
    });
  });

  it('leaves out a header the options turn off', () => {
    expect(securityHeaders({ xFrameOptions: false })).not.toHaveProperty('x-frame-options');
  });
});
