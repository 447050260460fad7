import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  afterNextRender,
  effect,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import type { ECharts } from 'echarts/core';
import { BuiltChart } from './timeline-chart-options';
import { ChartLibrary, loadChartLibrary, loadedChartLibrary } from './chart-library';

/**
 * Owns one ECharts instance. ECharts is loaded on first use (a lazy chunk) and draws with the SVG
 * renderer, so the chart is crisp when printed. `data-drawn` says when the first drawing finished.
 */
@Component({
  selector: 'app-timeline-chart',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `@if (failed()) {
    <p class="chart-failed">The chart could not be drawn; the tables below hold the same values.</p>
  }`,
  host: {
    '[attr.data-drawn]': 'drawn() ? "true" : null',
    '[style.height.px]': 'chart().height',
    class: 'timeline-chart',
  },
  styles: `
    :host {
      display: block;
      width: 100%;
      overflow: hidden;
    }
  `,
})
export class TimelineChart {
  readonly chart = input.required<BuiltChart>();
  /** Once, when the first drawing has finished. */
  readonly firstDrawn = output<void>();
  /** Once, when the first drawing has finished or the chart could not be drawn. */
  readonly settled = output<void>();

  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private instance: ECharts | null = null;
  /** The chart the instance was last given. */
  private shown: BuiltChart | null = null;
  private resizeObserver: ResizeObserver | null = null;
  protected readonly drawn = signal(false);
  protected readonly failed = signal(false);
  private readonly ready = signal(false);

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
      this.resizeObserver?.disconnect();
      this.instance?.dispose();
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
   * Draws the chart. The chart library is usually loaded by now (the admission route asks for it early):
   * then the chart is drawn in the same task as the page's first rendering, before anything else the page
   * renders next (the admission's details, the tables), rather than after them.
   */
  private start(): void {
    const library = loadedChartLibrary();
    if (library) {
      this.draw(library);
      return;
    }
    loadChartLibrary().then(
      (library) => this.draw(library),
      () => this.fail(),
    );
  }

  private draw(library: ChartLibrary): void {
    try {
      const element = this.host.nativeElement;
      this.instance = library.init(element, null, { renderer: 'svg', height: this.chart().height });
      this.instance.on('finished', () => {
        if (!this.drawn()) {
          // Marked on the element at once: the drawing is in the page now, not at the next change detection.
          element.setAttribute('data-drawn', 'true');
          this.drawn.set(true);
          this.firstDrawn.emit();
          this.settled.emit();
        }
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
  const instance = init(null, null, { renderer: 'svg', ssr: true, width, height: chart.height - 40 });
  try {
    instance.setOption({ ...chart.option, dataZoom: [], tooltip: { show: false } }, { notMerge: true });
    return instance.renderToSVGString();
  } finally {
    instance.dispose();
  }
}
