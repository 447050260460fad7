import { AppInfo, AuditEvent, User } from '../app/core/api-types';

let sequence = 0;
const next = () => ++sequence;

export function aUser(overrides: Partial<User> = {}): User {
  const n = next();
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    username: `user${n}`,
    displayName: `User ${n}`,
    roles: ['nurse'],
    active: true,
    mustChangePassword: false,
    ...overrides,
  };
}

export function anAppInfo(overrides: Partial<AppInfo> = {}): AppInfo {
  return {
    name: 'infusion-tracker',
    version: '0.1.0',
    wardName: 'Ward 7 Pain Unit',
    wardTimeZone: 'Europe/London',
    demoMode: false,
    idleTimeoutSeconds: 900,
    ...overrides,
  };
}

export function anAuditEvent(overrides: Partial<AuditEvent> = {}): AuditEvent {
  const n = next();
  return {
    id: `event-${n}`,
    occurredAt: '2025-07-01T09:30:00Z',
    userId: 'user-1',
    userDisplayName: 'Sam Patel',
    action: 'auth.sign-in',
    entityType: null,
    entityId: null,
    admissionId: null,
    requestId: `request-${n}`,
    clientAddress: '10.0.0.7',
    change: null,
    ...overrides,
  };
}
