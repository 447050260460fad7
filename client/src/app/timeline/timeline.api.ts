import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable, shareReplay } from 'rxjs';
import { Timeline } from '../core/api-types';
import { PageState } from '../core/http/page-state';

/** The stay chart's picture a caller asks for next, at this width (CSS pixels) and layout. */
export interface PictureHint {
  width: number;
  compact: boolean;
}

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
   * route asks for it as soon as it is chosen, while the page's code is still being downloaded. With a
   * `picture`, the server starts drawing the stay chart's picture at that width as it answers: the page
   * it renders shows it (ADR 13).
   */
  prefetch(admissionId: string, picture: PictureHint | null = null): void {
    const timeline = this.read(admissionId, picture).pipe(shareReplay(1));
    // An answer is kept for get(); after a failure, get() asks again (shareReplay keeps no error).
    timeline.subscribe({ error: () => undefined });
    this.prefetched = { admissionId, timeline };
  }

  private read(admissionId: string, picture: PictureHint | null = null): Observable<Timeline> {
    const params: Record<string, string> = picture
      ? { pictureWidth: String(Math.round(picture.width)), pictureCompact: String(picture.compact) }
      : {};
    return this.page.read(`timeline ${admissionId}`, () =>
      this.http.get<Timeline>(`/api/admissions/${encodeURIComponent(admissionId)}/timeline`, { params }),
    );
  }
}
