import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AuditEvent } from './audit-event.entity.js';
import { searchPatients } from '../patients/patients.queries.js';
import {
  type AuditEventFilter,
  auditUsers,
  findAuditEvents,
  namesOfUsers,
  patientsOfEvents,
} from './audit-events.queries.js';

export interface AuditPatient {
  id: string;
  mrn: string;
  familyName: string;
  givenName: string;
}

/** An event with the names of who and what it is about, as far as the reader may see them. */
export interface AuditEventView {
  event: AuditEvent;
  /** Null when the event is about no patient, or the reader may not see patient identity. */
  patient: AuditPatient | null;
  /** The current name of the user the event is about (user records only). */
  entityDisplayName: string | null;
}

export interface AuditEventPageResult {
  items: AuditEventView[];
  nextCursor: string | null;
}

export interface AuditUser {
  id: string;
  username: string;
  displayName: string;
}

const EXPORT_BATCH = 1000;

@Injectable()
export class AuditEventsService {
  constructor(private readonly dataSource: DataSource) {}

  async page(
    filter: Omit<AuditEventFilter, 'beforeId'>,
    cursor: string | undefined,
    limit: number,
    options: { patientIdentity: boolean },
  ): Promise<AuditEventPageResult> {
    const manager = this.dataSource.manager;
    const rows = await findAuditEvents(manager, { ...filter, beforeId: cursor }, limit + 1);
    const events = rows.slice(0, limit);
    const distinct = (values: (string | null)[]) => [...new Set(values.filter((v): v is string => !!v))];
    const patients = options.patientIdentity
      ? await patientsOfEvents(
          manager,
          distinct(events.map((event) => event.admissionId)),
          distinct(events.map((event) => (event.entityType === 'patient' ? event.entityId : null))),
        )
      : [];
    const byAdmission = new Map(patients.filter((p) => p.admission_id).map((p) => [p.admission_id, p]));
    const byPatient = new Map(patients.map((p) => [p.patient_id, p]));
    const users = new Map(
      (
        await namesOfUsers(
          manager,
          distinct(events.map((event) => (event.entityType === 'user' ? event.entityId : null))),
        )
      ).map((user) => [user.id, user.display_name]),
    );
    const items = events.map((event) => {
      const row =
        (event.admissionId && byAdmission.get(event.admissionId)) ||
        (event.entityType === 'patient' && event.entityId ? byPatient.get(event.entityId) : undefined);
      return {
        event,
        patient: row
          ? { id: row.patient_id, mrn: row.mrn, familyName: row.family_name, givenName: row.given_name }
          : null,
        entityDisplayName:
          event.entityType === 'user' && event.entityId ? (users.get(event.entityId) ?? null) : null,
      };
    });
    return { items, nextCursor: rows.length > limit ? String(events[events.length - 1].id) : null };
  }

  /** Every user, to filter the trail by picking one. */
  async users(): Promise<AuditUser[]> {
    return (await auditUsers(this.dataSource.manager)).map((row) => ({
      id: row.id,
      username: row.username,
      displayName: row.display_name,
    }));
  }

  /** Patients by the start of an MRN or name, to filter the trail by picking one. */
  async patients(text: string): Promise<AuditPatient[]> {
    return (await searchPatients(this.dataSource.manager, text)).map((patient) => ({
      id: patient.id,
      mrn: patient.mrn,
      familyName: patient.familyName,
      givenName: patient.givenName,
    }));
  }

  /** Every matching event, newest first, in batches (for CSV export without loading all at once). */
  async *all(filter: Omit<AuditEventFilter, 'beforeId'>): AsyncGenerator<AuditEvent> {
    let beforeId: string | undefined;
    for (;;) {
      const batch = await findAuditEvents(this.dataSource.manager, { ...filter, beforeId }, EXPORT_BATCH);
      yield* batch;
      if (batch.length < EXPORT_BATCH) return;
      beforeId = String(batch[batch.length - 1].id);
    }
  }
}
