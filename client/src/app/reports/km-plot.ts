import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { KaplanMeierStep } from '../core/api-types';
import { bandPath, curveCutDay, dayTicks, type Scale, stepPath } from './km-chart';

export interface PlottedCurve {
  label: string;
  n: number;
  followUpDays: number | null;
  steps: KaplanMeierStep[];
}

const WIDTH = 640;
const HEIGHT = 300;
const MARGIN = { top: 12, right: 16, bottom: 40, left: 52 };
// Line styles differ by dash as well as colour, so no curve is told apart by colour alone.
const STYLES = [
  { colour: '#1f4e79', dash: '' },
  { colour: '#b34700', dash: '8 4' },
  { colour: '#2e7d32', dash: '2 3' },
  { colour: '#6a1b9a', dash: '12 3 3 3' },
  { colour: '#00695c', dash: '4 4' },
  { colour: '#5d4037', dash: '1 2' },
];

/**
 * Kaplan-Meier curves drawn by hand in SVG from the server's steps: the step curve, its 95 % band
 * (one curve only, where it reads), censor ticks, and the curve stopped where few remain at risk.
 * The numbers themselves are in the tables beside it; the plot's label says what it shows.
 */
@Component({
  selector: 'app-km-plot',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <figure class="km-plot">
      <svg
        [attr.viewBox]="'0 0 ' + width + ' ' + height"
        role="img"
        [attr.aria-label]="description()"
        preserveAspectRatio="xMidYMid meet"
      >
        @for (tick of yTicks; track tick) {
          <line
            class="grid"
            [attr.x1]="left"
            [attr.x2]="right"
            [attr.y1]="scale().y(tick)"
            [attr.y2]="scale().y(tick)"
          />
          <text class="tick" [attr.x]="left - 6" [attr.y]="scale().y(tick) + 4" text-anchor="end">
            {{ tick * 100 }}%
          </text>
        }
        @for (tick of xTicks(); track tick) {
          <text class="tick" [attr.x]="scale().x(tick)" [attr.y]="bottom + 16" text-anchor="middle">
            {{ tick / 7 }}
          </text>
        }
        <text class="axis-label" [attr.x]="(left + right) / 2" [attr.y]="height - 4" text-anchor="middle">
          Weeks since the infusion stopped
        </text>
        <line
          class="half"
          [attr.x1]="left"
          [attr.x2]="right"
          [attr.y1]="scale().y(0.5)"
          [attr.y2]="scale().y(0.5)"
        />
        @for (curve of drawn(); track curve.label) {
          @if (curve.band) {
            <path class="band" [attr.d]="curve.band" [attr.fill]="curve.colour" />
          }
          <path
            class="curve"
            [attr.d]="curve.path"
            [attr.stroke]="curve.colour"
            [attr.stroke-dasharray]="curve.dash"
          />
          @for (tick of curve.censorTicks; track tick.x) {
            <line
              class="censor"
              [attr.x1]="tick.x"
              [attr.x2]="tick.x"
              [attr.y1]="tick.y - 5"
              [attr.y2]="tick.y + 5"
              [attr.stroke]="curve.colour"
            />
          }
        }
        <line class="axis" [attr.x1]="left" [attr.x2]="left" [attr.y1]="top" [attr.y2]="bottom" />
        <line class="axis" [attr.x1]="left" [attr.x2]="right" [attr.y1]="bottom" [attr.y2]="bottom" />
      </svg>
      <figcaption>
        @if (curves().length > 1) {
          <ul class="legend">
            @for (curve of drawn(); track curve.label) {
              <li>
                <svg width="36" height="10" aria-hidden="true">
                  <line
                    x1="0"
                    x2="36"
                    y1="5"
                    y2="5"
                    [attr.stroke]="curve.colour"
                    [attr.stroke-dasharray]="curve.dash"
                    stroke-width="2.5"
                  />
                </svg>
                {{ curve.label }} (n = {{ curve.n }})
              </li>
            }
          </ul>
        }
        <p class="cut-note">
          Vertical ticks are censored patients.
          @if (cutNote(); as note) {
            {{ note }}
          }
        </p>
      </figcaption>
    </figure>
  `,
  styles: `
    .km-plot {
      margin: 0;
      max-width: 760px;
    }
    svg[role='img'] {
      width: 100%;
      height: auto;
    }
    .grid {
      stroke: #e0e0e0;
    }
    .half {
      stroke: #9e9e9e;
      stroke-dasharray: 3 3;
    }
    .axis {
      stroke: #424242;
    }
    .tick,
    .axis-label {
      font-size: 12px;
      fill: #424242;
    }
    .curve {
      fill: none;
      stroke-width: 2.5;
    }
    .band {
      opacity: 0.15;
      stroke: none;
    }
    .censor {
      stroke-width: 1.5;
    }
    .legend {
      list-style: none;
      padding: 0;
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem 1.5rem;
      margin: 0.5rem 0;
    }
    .cut-note {
      font-size: 0.875rem;
      margin: 0.25rem 0;
    }
  `,
})
export class KmPlot {
  readonly curves = input.required<PlottedCurve[]>();

  protected readonly width = WIDTH;
  protected readonly height = HEIGHT;
  protected readonly left = MARGIN.left;
  protected readonly right = WIDTH - MARGIN.right;
  protected readonly top = MARGIN.top;
  protected readonly bottom = HEIGHT - MARGIN.bottom;
  protected readonly yTicks = [0, 0.25, 0.5, 0.75, 1];

  private readonly ends = computed(() =>
    this.curves().map((curve) => {
      const followUp = curve.followUpDays ?? 0;
      const cut = curveCutDay(curve.steps, curve.n);
      return { followUp, end: cut === null ? followUp : Math.min(cut, followUp) };
    }),
  );

  private readonly maxDay = computed(() => Math.max(7, ...this.ends().map((e) => e.followUp)));

  protected readonly xTicks = computed(() => dayTicks(this.maxDay()));

  protected readonly scale = computed<Scale>(() => {
    const maxDay = this.maxDay();
    return {
      x: (day: number) => this.left + (day / maxDay) * (this.right - this.left),
      y: (survival: number) => this.top + (1 - survival) * (this.bottom - this.top),
    };
  });

  protected readonly drawn = computed(() => {
    const scale = this.scale();
    const single = this.curves().length === 1;
    return this.curves().map((curve, i) => {
      const style = STYLES[i % STYLES.length];
      const end = this.ends()[i].end;
      return {
        label: curve.label,
        n: curve.n,
        colour: style.colour,
        dash: style.dash,
        path: stepPath(curve.steps, (step) => step.survival, end, scale),
        band: single ? bandPath(curve.steps, end, scale) : null,
        censorTicks: curve.steps
          .filter((step) => step.censored > 0 && step.time <= end)
          .map((step) => ({ x: scale.x(step.time), y: scale.y(step.survival) })),
      };
    });
  });

  protected readonly cutNote = computed(() => {
    const notes = this.curves()
      .map((curve, i) => ({ curve, ...this.ends()[i] }))
      .filter(({ end, followUp }) => end < followUp)
      .map(
        ({ curve, end, followUp }) =>
          `${this.curves().length > 1 ? `${curve.label}: ` : ''}drawn to day ${end}, where fewer than 10 % of the patients and fewer than 5 remained at risk; follow-up extends to day ${followUp}.`,
      );
    return notes.join(' ');
  });

  protected readonly description = computed(() => {
    const names = this.curves()
      .map((curve) => `${curve.label}, ${curve.n} patients`)
      .join('; ');
    return `Kaplan-Meier curve of the share of patients still benefiting against weeks since the infusion stopped: ${names}. The numbers are in the tables below.`;
  });
}
