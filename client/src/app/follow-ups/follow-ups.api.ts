import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';
import {
  AdmissionFollowUps,
  CreateAttemptRequest,
  CreateExtraFollowUpRequest,
  CreateOutcomeRequest,
  FollowUp,
  FollowUpSchedule,
  FollowUpScheduleRequest,
  Instrument,
  ReasonRequest,
  TerminalEventRequest,
  Worklist,
  WorklistFilter,
} from '../core/api-types';
import { pageHandlesErrors } from '../core/http/page-handles-errors';

/**
 * Follow-ups after discharge (ADR 4): the worklist, each admission's follow-ups, contact attempts,
 * outcomes and their corrections, terminal events and the service's schedule. Writes keep their
 * errors out of the global banner: the form that sent them shows them beside its fields.
 */
@Injectable({ providedIn: 'root' })
export class FollowUpsApi {
  private readonly http = inject(HttpClient);

  worklist(filter: WorklistFilter = {}): Observable<Worklist> {
    let params = new HttpParams();
    for (const [key, value] of Object.entries(filter)) {
      if (value) {
        params = params.set(key, value);
      }
    }
    return this.http.get<Worklist>('/api/follow-ups', { params });
  }

  forAdmission(admissionId: string): Observable<AdmissionFollowUps> {
    return this.http.get<AdmissionFollowUps>(`${this.admissionUrl(admissionId)}/follow-ups`);
  }

  addExtra(admissionId: string, request: CreateExtraFollowUpRequest): Observable<FollowUp> {
    return this.http.post<FollowUp>(`${this.admissionUrl(admissionId)}/follow-ups`, request, {
      context: pageHandlesErrors(),
    });
  }

  cancel(followUpId: string, request: ReasonRequest): Observable<FollowUp> {
    return this.http.post<FollowUp>(`${this.followUpUrl(followUpId)}/cancel`, request, {
      context: pageHandlesErrors(),
    });
  }

  recordAttempt(followUpId: string, request: CreateAttemptRequest): Observable<FollowUp> {
    return this.http.post<FollowUp>(`${this.followUpUrl(followUpId)}/attempts`, request, {
      context: pageHandlesErrors(),
    });
  }

  recordOutcome(followUpId: string, request: CreateOutcomeRequest): Observable<FollowUp> {
    return this.http.post<FollowUp>(`${this.followUpUrl(followUpId)}/outcome`, request, {
      context: pageHandlesErrors(),
    });
  }

  markOutcomeEnteredInError(outcomeId: string, request: ReasonRequest): Observable<FollowUp> {
    return this.http.post<FollowUp>(
      `/api/follow-up-outcomes/${encodeURIComponent(outcomeId)}/entered-in-error`,
      request,
      { context: pageHandlesErrors() },
    );
  }

  /** Lost to follow-up, died, withdrew or readmitted: every remaining follow-up is cancelled with the reason. */
  recordTerminalEvent(admissionId: string, request: TerminalEventRequest): Observable<AdmissionFollowUps> {
    return this.http.post<AdmissionFollowUps>(
      `${this.admissionUrl(admissionId)}/lost-to-follow-up`,
      request,
      {
        context: pageHandlesErrors(),
      },
    );
  }

  /** A terminal event recorded in error: the follow-ups it cancelled that are still in their window reopen. */
  markTerminalEventEnteredInError(eventId: string, request: ReasonRequest): Observable<AdmissionFollowUps> {
    return this.http.post<AdmissionFollowUps>(
      `/api/follow-up-terminal-events/${encodeURIComponent(eventId)}/entered-in-error`,
      request,
      { context: pageHandlesErrors() },
    );
  }

  instruments(): Observable<Instrument[]> {
    return this.http.get<Instrument[]>('/api/instruments');
  }

  schedule(): Observable<FollowUpSchedule> {
    return this.http.get<FollowUpSchedule>('/api/follow-up-schedule');
  }

  changeSchedule(request: FollowUpScheduleRequest): Observable<FollowUpSchedule> {
    return this.http.put<FollowUpSchedule>('/api/follow-up-schedule', request, {
      context: pageHandlesErrors(),
    });
  }

  private admissionUrl(id: string): string {
    return `/api/admissions/${encodeURIComponent(id)}`;
  }

  private followUpUrl(id: string): string {
    return `/api/follow-ups/${encodeURIComponent(id)}`;
  }
}
