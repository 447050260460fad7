import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable, shareReplay } from 'rxjs';
import { Timeline } from '../core/api-types';
import { PageState } from '../core/http/page-state';

/** The admission timeline: the whole stay in one call (an audited read on the server). */
@Injectable({ providedIn: 'root' })
export class TimelineApi {
  private readonly http = inject(HttpClient);
  private readonly page = inject(PageState);
  private prefetched: { admissionId: string; timeline: Observable<Timeline> } | null = null;

  get(admissionId: string): Observable<Timeline> {
    const prefetched = this.prefetched;
    if (prefetched?.admissionId === admissionId) {
      this.prefetched = null;
      return prefetched.timeline;
    }
    return this.read(admissionId);
  }

  /**
   * Starts reading the timeline now, for the next get() of this admission to take (once): the admission
   * route asks for it as soon as it is chosen, while the page's code is still being downloaded.
   */
  prefetch(admissionId: string): void {
    const timeline = this.read(admissionId).pipe(shareReplay(1));
    // An answer is kept for get(); after a failure, get() asks again (shareReplay keeps no error).
    timeline.subscribe({ error: () => undefined });
    this.prefetched = { admissionId, timeline };
  }

  private read(admissionId: string): Observable<Timeline> {
    return this.page.read(`timeline ${admissionId}`, () =>
      this.http.get<Timeline>(`/api/admissions/${encodeURIComponent(admissionId)}/timeline`),
    );
  }
}
