// The HTTP contract with server/, in one place. Replace with types generated from /api/docs-json
// (or shared DTO types) once the server publishes them, so the two sides cannot drift.

export const ROLES = ['nurse', 'prescriber', 'auditor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface User {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  active: boolean;
  mustChangePassword: boolean;
}

export interface AppInfo {
  name: string;
  version: string;
  wardName: string;
  wardTimeZone: string;
  demoMode: boolean;
  idleTimeoutSeconds: number;
}

/** RFC 9457 problem details, as every error response from /api carries them. */
export interface Problem {
  type?: string;
  title: string;
  status?: number;
  detail?: string;
  errors?: FieldError[];
}

export interface FieldError {
  field: string;
  messages: string[];
}

export interface UserResponse {
  user: User;
}

export interface LoginRequest {
  username: string;
  password: string;
}

export interface ChangePasswordRequest {
  currentPassword: string;
  newPassword: string;
}

export interface UserList {
  items: User[];
}

export interface CreateUserRequest {
  username: string;
  displayName: string;
  roles: Role[];
  password: string;
}

export interface UpdateUserRequest {
  displayName?: string;
  roles?: Role[];
  active?: boolean;
}

export interface ResetPasswordRequest {
  password: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface AuditEvent {
  id: string;
  occurredAt: string;
  userId: string | null;
  userDisplayName: string | null;
  action: string;
  entityType: string | null;
  entityId: string | null;
  admissionId: string | null;
  requestId: string | null;
  clientAddress: string | null;
  change: unknown | null;
}

/** Filters of GET /api/audit-events; `from` and `to` are ISO 8601 instants. */
export interface AuditEventFilter {
  userId?: string;
  admissionId?: string;
  action?: string;
  from?: string;
  to?: string;
}
