import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';
import {
  FollowUp,
  FollowUpPatientLinks,
  IssuedPatientLink,
  PatientLinkSummary,
  PatientResponseDetail,
} from '../core/api-types';
import { pageHandlesErrors } from '../core/http/page-handles-errors';

/** The clinician's side of patient links: issue, revoke, and review what the patient sent. */
@Injectable({ providedIn: 'root' })
export class PatientLinksApi {
  private readonly http = inject(HttpClient);

  forFollowUp(followUpId: string): Observable<FollowUpPatientLinks> {
    return this.http.get<FollowUpPatientLinks>(`/api/follow-ups/${followUpId}/patient-links`);
  }

  issue(followUpId: string): Observable<IssuedPatientLink> {
    return this.http.post<IssuedPatientLink>(
      `/api/follow-ups/${followUpId}/patient-links`,
      {},
      {
        context: pageHandlesErrors(),
      },
    );
  }

  revoke(linkId: string): Observable<PatientLinkSummary> {
    return this.http.post<PatientLinkSummary>(
      `/api/patient-links/${linkId}/revoke`,
      {},
      {
        context: pageHandlesErrors(),
      },
    );
  }

  /** The follow-up, with the answers as its outcome. */
  accept(responseId: string): Observable<FollowUp> {
    return this.http.post<FollowUp>(
      `/api/patient-responses/${responseId}/accept`,
      {},
      {
        context: pageHandlesErrors(),
      },
    );
  }

  reject(responseId: string, reason: string): Observable<PatientResponseDetail> {
    return this.http.post<PatientResponseDetail>(
      `/api/patient-responses/${responseId}/reject`,
      { reason },
      { context: pageHandlesErrors() },
    );
  }
}
