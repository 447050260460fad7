import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import { pageHandlesErrors } from '../core/http/page-handles-errors';
import { PageState } from '../core/http/page-state';

/** Which picture the page the server rendered (ADR 13) shows, handed to the browser with the page. */
const PAGE_PICTURE = 'stay-picture';

/**
 * The stay's chart as an SVG picture drawn by the server (ADR 12), which the admission page shows while
 * ECharts loads. Without one (a server with no chart renderer, or any failure) the answer is null and the
 * page draws the chart itself, as it would anyway: a missing picture is never an error to show.
 */
@Injectable({ providedIn: 'root' })
export class TimelinePictures {
  private readonly http = inject(HttpClient);
  private readonly page = inject(PageState);
  private asked: { key: string; svg: Promise<string | null> } | null = null;
  /** Which picture the page came with (undefined: not looked for yet; null: none, or shown already). */
  private pagePicture: string | null | undefined = undefined;

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

  /**
   * The picture's address for the page the server renders (ADR 13): the browser loads it as it reads the
   * page, before the app's scripts have run. Noted in the page, so that the browser, taking the page over,
   * shows the same picture (inPage).
   */
  forPage(admissionId: string, width: number, compact: boolean): string {
    this.page.keep(PAGE_PICTURE, key(admissionId, width, compact));
    return pictureUrl(admissionId, width, compact);
  }

  /** In the browser: whether the page the server rendered shows this admission's picture at this width and layout. */
  comesWithPage(admissionId: string, width: number, compact: boolean): boolean {
    if (this.pagePicture === undefined) this.pagePicture = this.page.take<string>(PAGE_PICTURE);
    return this.pagePicture === key(admissionId, width, compact);
  }

  /**
   * In the browser, for the chart's first render (once): the address of the picture the page shows, when it
   * is this admission's at this width and layout; else null, and the chart asks for its own.
   */
  inPage(admissionId: string, width: number, compact: boolean): string | null {
    const shown = this.comesWithPage(admissionId, width, compact);
    this.pagePicture = null;
    return shown ? pictureUrl(admissionId, width, compact) : null;
  }

  private read(admissionId: string, width: number, compact: boolean): Promise<string | null> {
    const [url, params] = pictureAddress(admissionId, width, compact);
    const options = { params, responseType: 'text' as const, context: pageHandlesErrors() };
    return firstValueFrom(this.http.get(url, options)).catch(() => null);
  }
}

const key = (admissionId: string, width: number, compact: boolean) =>
  `${admissionId} ${Math.round(width)} ${compact}`;

function pictureAddress(
  admissionId: string,
  width: number,
  compact: boolean,
): [string, Record<string, string>] {
  const url = `/api/admissions/${encodeURIComponent(admissionId)}/timeline/picture`;
  return [url, { width: String(Math.round(width)), compact: String(compact) }];
}

function pictureUrl(admissionId: string, width: number, compact: boolean): string {
  const [url, params] = pictureAddress(admissionId, width, compact);
  return `${url}?${new URLSearchParams(params)}`;
}
