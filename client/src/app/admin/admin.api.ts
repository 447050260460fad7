import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';
import {
  AuditPatient,
  AuditUser,
  AuditEvent,
  AuditEventFilter,
  CreateUserRequest,
  Page,
  UpdateUserRequest,
  User,
  UserList,
} from '../core/api-types';
import { pageHandlesErrors } from '../core/http/page-handles-errors';

@Injectable({ providedIn: 'root' })
export class AdminApi {
  private readonly http = inject(HttpClient);

  listUsers(): Observable<UserList> {
    return this.http.get<UserList>('/api/users');
  }

  /** The form shows what the server objects to (a taken username, a weak password). */
  createUser(request: CreateUserRequest): Observable<User> {
    return this.http.post<User>('/api/users', request, { context: pageHandlesErrors() });
  }

  updateUser(id: string, changes: UpdateUserRequest): Observable<User> {
    return this.http.patch<User>(`/api/users/${encodeURIComponent(id)}`, changes);
  }

  resetPassword(id: string, password: string): Observable<void> {
    return this.http.post<void>(
      `/api/users/${encodeURIComponent(id)}/reset-password`,
      { password },
      { context: pageHandlesErrors() },
    );
  }

  listAuditEvents(filter: AuditEventFilter, cursor: string | null): Observable<Page<AuditEvent>> {
    let params = auditEventParams(filter);
    if (cursor) {
      params = params.set('cursor', cursor);
    }
    return this.http.get<Page<AuditEvent>>('/api/audit-events', { params });
  }

  /** Everyone who may appear in the trail, to filter by picking one. */
  listAuditUsers(): Observable<Page<AuditUser>> {
    return this.http.get<Page<AuditUser>>('/api/audit-events/users');
  }

  /** Patients by the start of an MRN or name (admins only). */
  findAuditPatients(q: string): Observable<Page<AuditPatient>> {
    return this.http.get<Page<AuditPatient>>('/api/audit-events/patients', { params: { q } });
  }

  /** The same events as a CSV file; a plain link, so the browser downloads it with the session cookie. */
  auditEventsCsvUrl(filter: AuditEventFilter): string {
    const query = auditEventParams(filter).toString();
    return `/api/exports/audit-events.csv${query ? `?${query}` : ''}`;
  }
}

const AUDIT_FILTER_KEYS = [
  'userId',
  'patientId',
  'admissionId',
  'entityType',
  'entityId',
  'action',
  'from',
  'to',
] as const satisfies readonly (keyof AuditEventFilter)[];

function auditEventParams(filter: AuditEventFilter): HttpParams {
  let params = new HttpParams();
  for (const key of AUDIT_FILTER_KEYS) {
    const value = filter[key]?.trim();
    if (value) {
      params = params.set(key, value);
    }
  }
  return params;
}
