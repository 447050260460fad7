import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { aTimeline } from '../../testing/timeline-factories';
import { PictureSource, TimelineChart } from './timeline-chart';
import { buildTimelineOption } from './timeline-chart-options';

const SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="900" height="400"><text>Pain</text></svg>';

@Component({
  imports: [TimelineChart],
  template: `<app-timeline-chart
    [chart]="chart"
    [picture]="picture()"
    [pagePicture]="pagePicture()"
    (firstDrawn)="drawn = drawn + 1"
  />`,
})
class Host {
  readonly chart = buildTimelineOption(aTimeline(), { timeZone: 'Europe/London', now: Date.now() });
  readonly picture = signal<PictureSource | null>(null);
  readonly pagePicture = signal<string | null>(null);
  drawn = 0;
}

describe('TimelineChart with a picture (ADR 12)', () => {
  async function render(picture: PictureSource) {
    const fixture = TestBed.createComponent(Host);
    fixture.componentInstance.picture.set(picture);
    await fixture.whenStable();
    await new Promise((resolve) => setTimeout(resolve));
    return { fixture, chart: fixture.nativeElement.querySelector('app-timeline-chart') as HTMLElement };
  }

  it('shows the picture first, without alternative text of its own, and says the chart is drawn', async () => {
    const widths: number[] = [];
    const { fixture, chart } = await render((width) => {
      widths.push(width);
      return Promise.resolve(SVG);
    });
    expect(widths).toHaveLength(1);
    const picture = chart.querySelector('img.chart-picture') as HTMLImageElement;
    expect(picture).not.toBeNull();
    expect(picture.alt).toBe('');
    expect(decodeURIComponent(picture.src.replace(/^data:image\/svg\+xml;charset=utf-8,/, ''))).toBe(SVG);
    expect(chart.getAttribute('data-drawn')).toBe('true');
    expect(chart.getAttribute('data-interactive')).toBeNull();
    expect(fixture.componentInstance.drawn).toBe(1);
  });

  it('shows no picture when there is none to show', async () => {
    const { fixture, chart } = await render(() => Promise.resolve(null));
    expect(chart.querySelector('img.chart-picture')).toBeNull();
    expect(fixture.componentInstance.drawn).toBe(0);
  });
});

describe('TimelineChart in a page the server rendered (ADR 13)', () => {
  it("shows the page's picture from its first render, drawn, without asking for another", async () => {
    const fixture = TestBed.createComponent(Host);
    const asked: number[] = [];
    fixture.componentInstance.picture.set((width) => {
      asked.push(width);
      return Promise.resolve(null);
    });
    const address = '/api/admissions/a1/timeline/picture?width=1152&compact=false';
    fixture.componentInstance.pagePicture.set(address);
    fixture.detectChanges();
    const chart = fixture.nativeElement.querySelector('app-timeline-chart') as HTMLElement;
    // Before any after-render work: as the server wrote the page.
    const picture = chart.querySelector('img.chart-picture') as HTMLImageElement;
    expect(picture.getAttribute('src')).toBe(address);
    expect(picture.alt).toBe('');
    expect(chart.getAttribute('data-drawn')).toBe('true');
    await fixture.whenStable();
    await new Promise((resolve) => setTimeout(resolve));
    expect(asked).toEqual([]);
    expect(fixture.componentInstance.drawn).toBe(1);
  });
});
