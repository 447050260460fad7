import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';
import { PatientAnswers, PublicResponsePage } from '../core/api-types';
import { pageHandlesErrors } from '../core/http/page-handles-errors';

/** The patient's two calls, without an account; the page shows every error itself. */
@Injectable({ providedIn: 'root' })
export class PatientResponseApi {
  private readonly http = inject(HttpClient);

  open(token: string): Observable<PublicResponsePage> {
    return this.http.get<PublicResponsePage>(`/api/public/responses/${encodeURIComponent(token)}`, {
      context: pageHandlesErrors(),
    });
  }

  send(token: string, answers: PatientAnswers): Observable<{ received: true }> {
    return this.http.post<{ received: true }>(`/api/public/responses/${encodeURIComponent(token)}`, answers, {
      context: pageHandlesErrors(),
    });
  }
}
