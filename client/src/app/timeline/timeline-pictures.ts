import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import { pageHandlesErrors } from '../core/http/page-handles-errors';

/**
 * The stay's chart as an SVG picture drawn by the server (ADR 12), which the admission page shows while
 * ECharts loads. Without one (a server with no chart renderer, or any failure) the answer is null and the
 * page draws the chart itself, as it would anyway: a missing picture is never an error to show.
 */
@Injectable({ providedIn: 'root' })
export class TimelinePictures {
  private readonly http = inject(HttpClient);
  private asked: { key: string; svg: Promise<string | null> } | null = null;

  /**
   * Starts reading the picture now, for the next get() with the same admission, width and layout to take
   * (once): the admission route asks for it as soon as it is chosen, at the width the chart will probably
   * have (estimatedChartWidth), while the page's code is still being downloaded.
   */
  prefetch(admissionId: string, width: number, compact: boolean): Promise<string | null> {
    const svg = width > 0 ? this.read(admissionId, width, compact) : Promise.resolve(null);
    this.asked = { key: key(admissionId, width, compact), svg };
    return svg;
  }

  /** The picture at this width (CSS pixels, rounded), or null. */
  get(admissionId: string, width: number, compact: boolean): Promise<string | null> {
    const asked = this.asked;
    if (asked?.key === key(admissionId, width, compact)) {
      this.asked = null;
      return asked.svg;
    }
    return width > 0 ? this.read(admissionId, width, compact) : Promise.resolve(null);
  }

  private read(admissionId: string, width: number, compact: boolean): Promise<string | null> {
    const url = `/api/admissions/${encodeURIComponent(admissionId)}/timeline/picture`;
    const params = { width: String(Math.round(width)), compact: String(compact) };
    return firstValueFrom(
      this.http.get(url, { params, responseType: 'text', context: pageHandlesErrors() }),
    ).catch(() => null);
  }
}

const key = (admissionId: string, width: number, compact: boolean) =>
  `${admissionId} ${Math.round(width)} ${compact}`;
