import { HttpClient } from '@angular/common/http';
import { isPlatformServer } from '@angular/common';
import { Injectable, PLATFORM_ID, inject } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import { pageHandlesErrors } from '../core/http/page-handles-errors';
import { PageState } from '../core/http/page-state';

/** The picture the server drew into the page it rendered (ADR 13), handed to the browser with the page. */
const PAGE_PICTURE = 'stay-picture';

interface PagePicture {
  key: string;
  svg: string;
}

/**
 * The stay's chart as an SVG picture drawn by the server (ADR 12), which the admission page shows while
 * ECharts loads. Without one (a server with no chart renderer, or any failure) the answer is null and the
 * page draws the chart itself, as it would anyway: a missing picture is never an error to show.
 */
@Injectable({ providedIn: 'root' })
export class TimelinePictures {
  private readonly http = inject(HttpClient);
  private readonly page = inject(PageState);
  private readonly onServer = isPlatformServer(inject(PLATFORM_ID));
  private asked: { key: string; svg: Promise<string | null> } | null = null;
  /** The picture the page came with (undefined: not looked for yet; null: none, or shown already). */
  private pagePicture: PagePicture | null | undefined = undefined;

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
   * In the browser, the picture already in the page the server rendered, when it is of this admission at
   * this width and layout, for the chart's first render (once); else null, and the chart asks for its own.
   */
  inPage(admissionId: string, width: number, compact: boolean): string | null {
    const page = this.fromPage();
    this.pagePicture = null;
    if (page?.key !== key(admissionId, width, compact)) return null;
    if (this.asked?.key === page.key) this.asked = null; // prefetched from the page: this same picture
    return page.svg;
  }

  private read(admissionId: string, width: number, compact: boolean): Promise<string | null> {
    const page = this.fromPage();
    if (page?.key === key(admissionId, width, compact)) return Promise.resolve(page.svg);
    const url = `/api/admissions/${encodeURIComponent(admissionId)}/timeline/picture`;
    const params = { width: String(Math.round(width)), compact: String(compact) };
    const options = { params, responseType: 'text' as const, context: pageHandlesErrors() };
    return firstValueFrom(this.http.get(url, options)).then(
      (svg) => {
        if (this.onServer) {
          this.pagePicture = { key: key(admissionId, width, compact), svg };
          this.page.keep(PAGE_PICTURE, this.pagePicture);
        }
        return svg;
      },
      () => null,
    );
  }

  /** The picture the page came with, taken from the page's state on first use. */
  private fromPage(): PagePicture | null {
    if (this.pagePicture === undefined) this.pagePicture = this.page.take<PagePicture>(PAGE_PICTURE);
    return this.pagePicture;
  }
}

const key = (admissionId: string, width: number, compact: boolean) =>
  `${admissionId} ${Math.round(width)} ${compact}`;
