import { HttpClient, HttpHeaders } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';
import {
  Admission,
  CreateObservationSetRequest,
  ObservationSet,
  Page,
  Ward,
  WardBoard,
} from '../core/api-types';
import { pageHandlesErrors } from '../core/http/page-handles-errors';

/** The ward board and bedside observations. */
@Injectable({ providedIn: 'root' })
export class WardApi {
  private readonly http = inject(HttpClient);

  listWards(): Observable<Page<Ward>> {
    return this.http.get<Page<Ward>>('/api/wards');
  }

  /** Polled every few seconds: the board says itself when a refresh fails, rather than the banner each time. */
  board(ward: string): Observable<WardBoard> {
    return this.http.get<WardBoard>(`/api/wards/${encodeURIComponent(ward)}/board`, {
      context: pageHandlesErrors(),
    });
  }

  admission(id: string): Observable<Admission> {
    return this.http.get<Admission>(`/api/admissions/${encodeURIComponent(id)}`);
  }

  /** Every set of the admission, newest first, entered-in-error ones included. */
  observationSets(admissionId: string): Observable<Page<ObservationSet>> {
    return this.http.get<Page<ObservationSet>>(
      `/api/admissions/${encodeURIComponent(admissionId)}/observation-sets`,
    );
  }

  /** Corrections are new records: the set stays in the history, marked, never edited or deleted. */
  markSetEnteredInError(setId: string, reason: string): Observable<ObservationSet> {
    return this.http.post<ObservationSet>(
      `/api/observation-sets/${encodeURIComponent(setId)}/entered-in-error`,
      { reason },
      { context: pageHandlesErrors() },
    );
  }

  /**
   * One `idempotencyKey` per submission of the form, sent again unchanged when the same submission is
   * retried: the server then answers with the set it already stored instead of storing a second one.
   */
  recordObservationSet(
    admissionId: string,
    request: CreateObservationSetRequest,
    idempotencyKey: string,
  ): Observable<ObservationSet> {
    return this.http.post<ObservationSet>(
      `/api/admissions/${encodeURIComponent(admissionId)}/observation-sets`,
      request,
      { headers: new HttpHeaders({ 'Idempotency-Key': idempotencyKey }), context: pageHandlesErrors() },
    );
  }
}
