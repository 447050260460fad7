/** What a user may do; a user may hold several roles. */
export const ROLES = ['nurse', 'prescriber', 'auditor', 'admin'] as const;
export type Role = (typeof ROLES)[number];
