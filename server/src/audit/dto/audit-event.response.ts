import { ApiProperty } from '@nestjs/swagger';
import type { AuditEvent } from '../audit-event.entity.js';

export class AuditEventResponse {
  @ApiProperty() id: string;
  @ApiProperty({ format: 'date-time' }) occurredAt: string;
  @ApiProperty({ type: String, nullable: true }) userId: string | null;
  @ApiProperty({ type: String, nullable: true }) userDisplayName: string | null;
  @ApiProperty() action: string;
  @ApiProperty({ type: String, nullable: true }) entityType: string | null;
  @ApiProperty({ type: String, nullable: true }) entityId: string | null;
  @ApiProperty({ type: String, nullable: true }) admissionId: string | null;
  @ApiProperty({ type: String, nullable: true }) requestId: string | null;
  @ApiProperty({ type: String, nullable: true }) clientAddress: string | null;
  @ApiProperty({ nullable: true, description: 'For writes: { before, after }.' }) change: unknown;
}

export class AuditEventPage {
  @ApiProperty({ type: AuditEventResponse, isArray: true }) items: AuditEventResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export function toAuditEventResponse(event: AuditEvent): AuditEventResponse {
  return {
    id: String(event.id),
    occurredAt: event.occurredAt.toISOString(),
    userId: event.userId,
    userDisplayName: event.userDisplayName,
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId,
    admissionId: event.admissionId,
    requestId: event.requestId,
    clientAddress: event.clientAddress,
    change: withoutPhoneNumbers(event.change),
  };
}

/**
 * Patients' phone numbers are shown only to nurses and prescribers (issue 9), and the audit trail is read
 * by admins and auditors: a recorded change keeps each number's label, not the number.
 */
export function withoutPhoneNumbers(change: unknown): unknown {
  if (Array.isArray(change)) return change.map(withoutPhoneNumbers);
  if (change === null || typeof change !== 'object') return change;
  return Object.fromEntries(
    Object.entries(change).map(([key, value]) => [
      key,
      key === 'phoneNumbers' && Array.isArray(value)
        ? value.map((phone: unknown) =>
            phone !== null && typeof phone === 'object' ? { ...phone, number: 'withheld' } : 'withheld',
          )
        : withoutPhoneNumbers(value),
    ]),
  );
}
