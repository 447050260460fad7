import { createHmac, randomBytes } from 'node:crypto';

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';
/** 20 random bytes: 160 bits, 32 characters of lower-case base32, so it survives being typed from a letter. */
const TOKEN_BYTES = 20;
export const PATIENT_LINK_TOKEN = /^[a-z2-7]{32}$/;

export function newPatientLinkToken(): string {
  const bytes = randomBytes(TOKEN_BYTES);
  let bits = 0;
  let value = 0;
  let token = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      token += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return token;
}

/** As typed: case and spaces do not matter. */
export function normalisePatientLinkToken(typed: string): string {
  return typed.replace(/[\s-]/g, '').toLowerCase();
}

/** What the database stores and the logs show a prefix of: a keyed hash, so a copy of the table opens nothing. */
export function patientLinkTokenHash(secret: string, token: string): string {
  return createHmac('sha256', secret)
    .update(`patient-link:${normalisePatientLinkToken(token)}`)
    .digest('hex');
}

/** The token in a path (/r/<token>, /api/public/responses/<token>) replaced by its hash prefix, for logs. */
export function withoutPatientLinkToken(url: string, secret: string): string {
  return url.replace(
    /(\/(?:r|api\/public\/responses)\/)([^/?#]+)/,
    (_match, prefix: string, token: string) => `${prefix}#${patientLinkTokenHash(secret, token).slice(0, 8)}`,
  );
}
