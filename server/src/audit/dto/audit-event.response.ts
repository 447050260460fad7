import { ApiProperty } from '@nestjs/swagger';
import type { AuditEvent } from '../audit-event.entity.js';
import type { AuditEventView } from '../audit-events.service.js';

export class AuditPatientResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() mrn: string;
  @ApiProperty() familyName: string;
  @ApiProperty() givenName: string;
}

export class AuditPatientListResponse {
  @ApiProperty({ type: AuditPatientResponse, isArray: true }) items: AuditPatientResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class AuditUserResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() username: string;
  @ApiProperty() displayName: string;
}

export class AuditUserListResponse {
  @ApiProperty({ type: AuditUserResponse, isArray: true }) items: AuditUserResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

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
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description: 'For writes: { before, after }. Admins only: a change may name a patient.',
  })
  change: unknown;
}

export class AuditEventListItem extends AuditEventResponse {
  @ApiProperty({
    type: AuditPatientResponse,
    nullable: true,
    description: 'The patient the event is about; admins only (auditors never see patient identity).',
  })
  patient: AuditPatientResponse | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: "The user's current name, for events about a user.",
  })
  entityDisplayName: string | null;
}

export class AuditEventPage {
  @ApiProperty({ type: AuditEventListItem, isArray: true }) items: AuditEventListItem[];
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

/** For the viewer: admins see who the event is about and what changed; auditors see neither. */
export function toAuditEventListItem(
  view: AuditEventView,
  options: { identified: boolean },
): AuditEventListItem {
  const response = toAuditEventResponse(view.event);
  return {
    ...response,
    change: options.identified ? response.change : null,
    patient: options.identified ? view.patient : null,
    entityDisplayName: view.entityDisplayName,
  };
}
