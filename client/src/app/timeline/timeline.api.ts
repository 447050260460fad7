import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';
import { Timeline } from '../core/api-types';

/** The admission timeline: the whole stay in one call (an audited read on the server). */
@Injectable({ providedIn: 'root' })
export class TimelineApi {
  private readonly http = inject(HttpClient);

  get(admissionId: string): Observable<Timeline> {
    return this.http.get<Timeline>(`/api/admissions/${encodeURIComponent(admissionId)}/timeline`);
  }
}
