import { hash, verify } from '@node-rs/argon2';

// argon2id with the OWASP Password Storage Cheat Sheet minimum (m=19 MiB, t=2, p=1).
const OPTIONS = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** Verifying against this for an unknown username takes as long as for a real one. */
let dummyHash: Promise<string> | null = null;
export function hashForUnknownUser(): Promise<string> {
  dummyHash ??= hashPassword('no user has this password: it only spends the same time');
  return dummyHash;
}
