import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  Injector,
  afterNextRender,
  effect,
  inject,
  input,
  linkedSignal,
  output,
  signal,
  viewChild,
} from '@angular/core';
import type { ECharts } from 'echarts/core';
import { BuiltChart } from './timeline-chart-options';
import { ChartLibrary, loadChartLibrary, loadedChartLibrary } from './chart-library';
import { drawPicture } from './timeline-picture';

/** Where the chart's first picture comes from: SVG markup at the given width, or null for none. */
export type PictureSource = (width: number) => Promise<string | null>;

/**
 * Owns one ECharts instance. ECharts is loaded on first use (a lazy chunk) and draws with the SVG
 * renderer, so the chart is crisp when printed.
 *
 * Given a `picture` source, and while ECharts has not loaded on the page yet, the chart is first shown as
 * the picture the server drew from the same options (ADR 12); once the browser has painted it, ECharts
 * loads, draws the interactive chart over it, and the picture goes. `data-drawn` says when the chart was
 * first on the page (as the picture or drawn), `data-interactive` when ECharts has drawn it.
 */
@Component({
  selector: 'app-timeline-chart',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `@if (pictureUrl(); as url) {
      <!-- the host is the image, with its own label; the first thing the page waits for (ADR 13) -->
      <img #picture class="chart-picture" alt="" fetchpriority="high" [src]="url" />
    }
    @if (failed()) {
      <p class="chart-failed">The chart could not be drawn; the tables below hold the same values.</p>
    }`,
  host: {
    '[attr.data-drawn]': 'drawn() ? "true" : null',
    '[attr.data-interactive]': 'ready() ? "true" : null',
    '[style.height.px]': 'chart().height',
    class: 'timeline-chart',
  },
  styles: `
    :host {
      display: block;
      position: relative;
      width: 100%;
      overflow: hidden;
    }
    .chart-picture {
      position: absolute;
      inset: 0;
      width: 100%;
      height: 100%;
      /* A page the server rendered for a wider screen (ADR 13): scaled down until replaced, never squeezed. */
      object-fit: contain;
      object-position: left top;
    }
  `,
})
export class TimelineChart {
  readonly chart = input.required<BuiltChart>();
  /** Where a first picture of this chart comes from, shown while ECharts loads; none: no picture. */
  readonly picture = input<PictureSource | null>(null);
  /**
   * The address of the picture in the page the server rendered (ADR 13): shown from the first render, on
   * the server and when the browser takes the page over.
   */
  readonly pagePicture = input<string | null>(null);
  /** Once, when the first drawing has finished. */
  readonly firstDrawn = output<void>();
  /** Once, when the first drawing has finished or the chart could not be drawn. */
  readonly settled = output<void>();

  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  /** The picture shown until the interactive chart is drawn over it: the page's, or one asked for. */
  protected readonly pictureUrl = linkedSignal<string | null>(() => this.pagePicture());
  private readonly pictureElement = viewChild<ElementRef<HTMLImageElement>>('picture');
  private readonly injector = inject(Injector);
  /** firstDrawn has been emitted. */
  private announced = false;
  private destroyed = false;
  private instance: ECharts | null = null;
  /** The chart the instance was last given. */
  private shown: BuiltChart | null = null;
  private resizeObserver: ResizeObserver | null = null;
  /** On the page: from the first render with the page's picture (shown as the page is read), else once drawn. */
  protected readonly drawn = linkedSignal(() => this.pagePicture() !== null);
  protected readonly failed = signal(false);
  protected readonly ready = signal(false);

  constructor() {
    afterNextRender(() => this.start());
    // A new chart replaces the drawn one; the one start() drew is not drawn a second time.
    effect(() => {
      const chart = this.chart();
      if (this.ready() && this.instance && chart !== this.shown) {
        this.shown = chart;
        this.instance.resize({ height: chart.height });
        this.instance.setOption(chart.option, { notMerge: true });
      }
    });
    inject(DestroyRef).onDestroy(() => {
      this.destroyed = true;
      this.resizeObserver?.disconnect();
      this.instance?.dispose();
      this.removePicture();
    });
  }

  /** The chart as it is drawn now, as SVG markup, for the printed summary. */
  svg(): string | null {
    return this.instance ? this.instance.renderToSVGString() : null;
  }

  /** After a zoom or pan: the time axis's ticks for the span now shown, on the ward's clock. */
  private retick(): void {
    const ticksFor = this.shown?.ticksFor;
    const instance = this.instance;
    if (!ticksFor || !instance) return;
    const zoom = (instance.getOption() as { dataZoom?: { startValue?: number; endValue?: number }[] })
      .dataZoom?.[0];
    if (zoom?.startValue === undefined || zoom.endValue === undefined) return;
    const ticks = ticksFor(zoom.startValue, zoom.endValue);
    const axes = (instance.getOption() as { xAxis?: unknown[] }).xAxis ?? [];
    instance.setOption({
      xAxis: axes.map(() => ({ axisTick: { customValues: ticks }, axisLabel: { customValues: ticks } })),
    });
  }

  /** Back to the whole stay (printing shows everything, whatever the zoom). */
  resetZoom(): void {
    this.instance?.dispatchAction({ type: 'dataZoom', start: 0, end: 100 });
  }

  /**
   * Draws the chart: at once when ECharts is on the page already; else its picture first when there is
   * one (ECharts' first drawing on a page is the slowest part of the page's cold load), then the chart.
   */
  private start(): void {
    const library = loadedChartLibrary();
    if (!library && this.pictureUrl()) {
      void this.drawOverPicture();
      return;
    }
    const picture = this.picture();
    if (library || !picture) {
      if (library) this.draw(library);
      else this.loadAndDraw();
      return;
    }
    picture(this.host.nativeElement.clientWidth).then(
      (svg) => (svg ? this.showPicture(svg) : this.loadAndDraw()),
      () => this.loadAndDraw(),
    );
  }

  private loadAndDraw(): void {
    if (this.destroyed) return;
    loadChartLibrary().then(
      (library) => {
        if (!this.destroyed) this.draw(library);
      },
      () => this.fail(),
    );
  }

  /** Shows the picture; once the browser has painted it, loads ECharts and draws the chart over it. */
  private showPicture(svg: string): void {
    if (this.destroyed) return;
    // A data: address passes Angular's URL sanitizing as it is. Injecting DomSanitizer to mark it trusted
    // would put the HTML sanitizer in the code every page loads first (the platform's shared chunk).
    this.pictureUrl.set(svgDataUrl(svg));
    afterNextRender(() => void this.drawOverPicture(), { injector: this.injector });
  }

  /** Once the picture shown is decoded (and so painted next), loads ECharts and draws the chart over it. */
  private async drawOverPicture(): Promise<void> {
    try {
      const picture = this.pictureElement()?.nativeElement;
      if (picture) await loaded(picture);
    } catch {
      this.removePicture();
      this.loadAndDraw();
      return;
    }
    this.markDrawn();
    afterNextPaint(() => this.loadAndDraw());
  }

  private removePicture(): void {
    this.pictureUrl.set(null);
  }

  /** Once, when the chart is first on the page: marked on the element at once, not at the next check. */
  private markDrawn(): void {
    if (this.announced) return;
    this.announced = true;
    this.host.nativeElement.setAttribute('data-drawn', 'true');
    this.drawn.set(true);
    this.firstDrawn.emit();
    this.settled.emit();
  }

  private draw(library: ChartLibrary): void {
    try {
      const element = this.host.nativeElement;
      this.instance = library.init(element, null, { renderer: 'svg', height: this.chart().height });
      this.instance.on('finished', () => {
        this.markDrawn();
        this.removePicture();
      });
      this.instance.on('datazoom', () => this.retick());
      this.shown = this.chart();
      this.instance.setOption(this.shown.option, { notMerge: true });
      this.ready.set(true);
      // Laid out again only when the width changes: the observer also reports the size it starts with.
      let width = element.clientWidth;
      this.resizeObserver = new ResizeObserver(() => {
        if (element.clientWidth !== width) {
          width = element.clientWidth;
          this.instance?.resize({ height: this.chart().height });
        }
      });
      this.resizeObserver.observe(element);
    } catch {
      this.fail();
    }
  }

  private fail(): void {
    if (this.pictureUrl()) return; // the picture stays: the chart without zoom and tooltips
    this.failed.set(true);
    this.settled.emit();
  }
}

/**
 * A chart drawn off screen at the given width, without its zoom controls, as SVG markup: the printed
 * summary's picture of the whole stay, ready before anyone prints (a browser's own Print does not wait).
 */
export async function chartPicture(chart: BuiltChart, width: number): Promise<string> {
  const { init } = await loadChartLibrary();
  return drawPicture(init, chart, width, true);
}

/**
 * Once the image has loaded and is decoded. Waiting for its load first: an image the page came with (ADR 13)
 * may still be loading when the browser takes the page over, which sets its address again, and Chromium
 * rejects a decode() asked for before that.
 */
async function loaded(image: HTMLImageElement): Promise<void> {
  if (typeof image.decode !== 'function') return; // no way to tell: shown when the browser has it
  if (!image.complete) {
    await new Promise((resolve, reject) => {
      image.addEventListener('load', resolve, { once: true });
      image.addEventListener('error', reject, { once: true });
    });
  }
  await image.decode();
}

/** SVG markup as an image address (the app's content security policy allows data: images). */
export function svgDataUrl(svg: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

/**
 * Runs after the browser has painted the next frame: a task queued from an animation frame callback runs
 * after that frame. Without animation frames (a hidden tab), after a short wait.
 */
export function afterNextPaint(callback: () => void): void {
  let done = false;
  const once = () => {
    if (!done) {
      done = true;
      callback();
    }
  };
  if (typeof requestAnimationFrame === 'function') {
    requestAnimationFrame(() => setTimeout(once));
  }
  setTimeout(once, 250);
}
