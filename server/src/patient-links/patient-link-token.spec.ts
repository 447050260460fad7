import {
  newPatientLinkToken,
  normalisePatientLinkToken,
  PATIENT_LINK_TOKEN,
  patientLinkTokenHash,
  withoutPatientLinkToken,
} from './patient-link-token.js';

const SECRET = 'a-test-secret-of-at-least-32-characters';

describe('patient link tokens', () => {
  it('makes 32 characters of lower-case base32, 160 bits, different every time', () => {
    const tokens = new Set(Array.from({ length: 500 }, () => newPatientLinkToken()));
    expect(tokens.size).toBe(500);
    for (const token of tokens) expect(token).toMatch(PATIENT_LINK_TOKEN);
  });

  it('uses the whole alphabet, so no bit of randomness is lost', () => {
    const seen = new Set(Array.from({ length: 200 }, () => newPatientLinkToken()).join(''));
    expect(seen.size).toBe(32);
  });

  it('reads a token typed with capitals, spaces or dashes as the same token', () => {
    const token = newPatientLinkToken();
    const typed = `${token.slice(0, 8).toUpperCase()} ${token.slice(8, 16)}-${token.slice(16)}`;
    expect(normalisePatientLinkToken(typed)).toBe(token);
    expect(patientLinkTokenHash(SECRET, typed)).toBe(patientLinkTokenHash(SECRET, token));
  });

  it('hashes with the secret, so the same token under another secret hashes differently', () => {
    const token = newPatientLinkToken();
    expect(patientLinkTokenHash(SECRET, token)).toMatch(/^[0-9a-f]{64}$/);
    expect(patientLinkTokenHash(`${SECRET}!`, token)).not.toBe(patientLinkTokenHash(SECRET, token));
  });

  it('keeps the token out of a logged path, showing its hash prefix instead', () => {
    const token = newPatientLinkToken();
    const prefix = patientLinkTokenHash(SECRET, token).slice(0, 8);
    for (const path of [
      `/r/${token}`,
      `/api/public/responses/${token}`,
      `/api/public/responses/${token}?x=1`,
    ]) {
      const logged = withoutPatientLinkToken(path, SECRET);
      expect(logged).not.toContain(token);
      expect(logged).toContain(`#${prefix}`);
    }
    expect(withoutPatientLinkToken('/api/admissions/123', SECRET)).toBe('/api/admissions/123');
  });
});
