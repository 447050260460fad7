import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';
import { CreatePatientRequest, Page, Patient, UpdatePatientContactRequest } from '../core/api-types';
import { pageHandlesErrors } from '../core/http/page-handles-errors';

@Injectable({ providedIn: 'root' })
export class PatientsApi {
  private readonly http = inject(HttpClient);

  /** Prefix search on MRN, family or given name; "Family, Given" narrows by both. */
  search(text: string): Observable<Page<Patient>> {
    return this.http.get<Page<Patient>>('/api/patients', { params: new HttpParams().set('q', text) });
  }

  get(id: string): Observable<Patient> {
    return this.http.get<Patient>(`/api/patients/${encodeURIComponent(id)}`);
  }

  /** The form shows what the server objects to (an MRN already registered, a field). */
  create(request: CreatePatientRequest): Observable<Patient> {
    return this.http.post<Patient>('/api/patients', request, { context: pageHandlesErrors() });
  }

  /** Phone numbers and preferred contact method (nurse, prescriber); the form shows what the server objects to. */
  updateContact(patientId: string, request: UpdatePatientContactRequest): Observable<Patient> {
    return this.http.patch<Patient>(`/api/patients/${encodeURIComponent(patientId)}/contact`, request, {
      context: pageHandlesErrors(),
    });
  }
}
