import {
  ApplicationRef,
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  Injector,
  PLATFORM_ID,
  afterNextRender,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { DOCUMENT, NgTemplateOutlet, isPlatformServer } from '@angular/common';
import { Router } from '@angular/router';
import { ACCESS } from '../core/auth/access';
import { Subscription } from 'rxjs';
import { MatButton } from '@angular/material/button';
import { Timeline } from '../core/api-types';
import { AppInfoStore } from '../core/app-info/app-info-store';
import { AuthState } from '../core/auth/auth-state';
import { DRUG_LABELS, INDICATION_LABELS, STATUS_LABELS } from '../shared/admission-labels';
import { describeStay } from '../shared/day-of-stay';
import { drugName, routeShort, valueWithUnit } from '../shared/order-words';
import { formatCalendarDate, patientName } from '../shared/patient-identity';
import { formatWardMinute, wardDate } from '../shared/ward-time';
import { TimelineApi } from './timeline.api';
import { PictureSource, TimelineChart, afterNextPaint, chartPicture, svgDataUrl } from './timeline-chart';
import { compactScreen, estimatedChartWidth } from './timeline-picture';
import { TimelinePictures } from './timeline-pictures';
import { observationSets } from './timeline-observations';
import { buildFollowUpOption, buildTimelineOption } from './timeline-chart-options';
import {
  EVENT_KINDS,
  EVENT_KIND_LABELS,
  EventKind,
  TimelineEntry,
  buildEventList,
  buildFlowsheet,
  summariseObservations,
} from './timeline-tables';

/**
 * The whole stay at a glance, at the top of the admission page: key facts, the charts on one time
 * axis, the flowsheet (the same values as a table) and the event list; and a printable summary.
 */
@Component({
  selector: 'app-admission-timeline',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButton, NgTemplateOutlet, TimelineChart],
  templateUrl: './admission-timeline.html',
  styleUrl: './admission-timeline.scss',
})
export class AdmissionTimeline {
  readonly admissionId = input.required<string>();
  /**
   * The admission's version as the page last read it, once it has: the timeline is read again when the
   * admission has moved on from the version the timeline was read at.
   */
  readonly version = input<number | undefined>(undefined);

  private readonly api = inject(TimelineApi);
  private readonly pictures = inject(TimelinePictures);
  private readonly appInfo = inject(AppInfoStore);
  private readonly auth = inject(AuthState);
  private readonly injector = inject(Injector);
  private readonly onServer = isPlatformServer(inject(PLATFORM_ID));
  private readonly stayChartComponent = viewChild<TimelineChart>('stayChart');
  private requestedId: string | null = null;
  private request: Subscription | null = null;

  protected readonly timeline = signal<Timeline | null>(null);
  protected readonly loadFailed = signal(false);
  protected readonly timeZone = this.appInfo.wardTimeZone;
  protected readonly compact = signal(compactScreen());
  protected readonly shownKinds = signal<ReadonlySet<EventKind>>(new Set(EVENT_KINDS));
  protected readonly printedAt = signal<string | null>(null);
  protected readonly printChart = signal<string | null>(null);
  /** The flowsheet and the event list, which take longer to lay out than the charts, may be shown. */
  protected readonly tablesShown = signal(false);
  /** Whatever the chart does, the tables are shown a few seconds after the timeline (in the browser). */
  private readonly tablesDue = signal(false);
  protected readonly tablesOpen = computed(() => this.tablesShown() || this.tablesDue());
  private readonly timelineShown = computed(() => this.timeline() !== null);
  /** The chart of the stay has been drawn (or could not be), and the browser has had a frame to paint it. */
  private readonly chartPainted = signal(false);
  /**
   * The timeline is here and its chart not on screen yet: the admission page holds back what it shows below
   * the timeline (orders, events, observations) until then, so that the chart is drawn and painted first.
   */
  readonly chartPending = computed(() => this.timeline() !== null && !this.chartPainted());

  protected readonly eventKinds = EVENT_KINDS;
  protected readonly eventKindLabels = EVENT_KIND_LABELS;
  protected readonly indicationLabels = INDICATION_LABELS;
  protected readonly drugLabels = DRUG_LABELS;
  protected readonly statusLabels = STATUS_LABELS;
  protected readonly formatCalendarDate = formatCalendarDate;
  protected readonly patientName = patientName;
  protected readonly valueWithUnit = valueWithUnit;
  protected readonly drugName = drugName;
  protected readonly routeShort = routeShort;

  protected readonly now = computed(() => {
    const timeline = this.timeline();
    return timeline ? Date.parse(timeline.generatedAt) : Date.now();
  });
  protected readonly stayChart = computed(() => {
    const timeline = this.timeline();
    return timeline
      ? buildTimelineOption(timeline, { timeZone: this.timeZone(), now: this.now(), compact: this.compact() })
      : null;
  });
  /** The same chart laid out for a page, for the printed summary's picture: the screen's unless compact. */
  private readonly printStayChart = computed(() => {
    const timeline = this.timeline();
    if (!timeline || !this.compact()) {
      return this.stayChart();
    }
    return buildTimelineOption(timeline, { timeZone: this.timeZone(), now: this.now(), compact: false });
  });
  /**
   * The address of the stay chart's picture in the page the server renders (ADR 13); in the browser, the
   * same when the page came with it at the width and layout this screen needs, else null (the chart then
   * asks for its own).
   */
  protected readonly pagePicture = computed(() => {
    const [id, width, compact] = [this.admissionId(), estimatedChartWidth(), this.compact()];
    return this.onServer
      ? this.pictures.forPage(id, width, compact)
      : this.pictures.inPage(id, width, compact);
  });
  /** The stay chart's first picture, drawn by the server (ADR 12), shown while ECharts loads. */
  protected readonly stayPicture = computed<PictureSource>(() => {
    const admissionId = this.admissionId();
    const compact = this.compact();
    return (width) => this.pictures.get(admissionId, width, compact);
  });
  protected readonly followUpChart = computed(() => {
    const timeline = this.timeline();
    if (!timeline) {
      return null;
    }
    const discharged = timeline.admission.dischargedAt;
    return buildFollowUpOption(timeline, discharged ? wardDate(discharged, this.timeZone()) : null);
  });
  protected readonly stay = computed(() => {
    const timeline = this.timeline();
    return timeline ? describeStay(timeline.admission, this.now(), this.timeZone()) : '';
  });
  /** The sets, rebuilt from the timeline's columns, for the tables. */
  private readonly sets = computed(() => {
    const timeline = this.timeline();
    return timeline ? observationSets(timeline.observations) : [];
  });
  protected readonly flowsheet = computed(() => buildFlowsheet(this.sets()));
  protected readonly events = computed(() => {
    const timeline = this.timeline();
    return timeline ? buildEventList(timeline, this.sets()) : [];
  });
  protected readonly shownEvents = computed(() => {
    const kinds = this.shownKinds();
    return this.events().filter((entry) => kinds.has(entry.kind));
  });
  protected readonly summary = computed(() => summariseObservations(this.sets()));
  protected readonly printedBy = computed(() => this.auth.user()?.displayName ?? '');
  /** Each event links to its audit history for those who may read the trail. */
  protected readonly readsAudit = computed(() => this.auth.hasAnyRole(ACCESS.audit));
  private readonly router = inject(Router);
  protected readonly currentOrder = computed(
    () => this.timeline()?.orders.find((order) => order.state === 'current') ?? null,
  );

  constructor() {
    // Read at once, in parallel with the page's own read of the admission; again when it changes.
    effect(() => {
      const id = this.admissionId();
      const version = this.version();
      const shown = this.timeline();
      untracked(() => {
        if (id !== this.requestedId) {
          this.requestedId = id;
          this.load(id);
        } else if (version !== undefined && shown?.admission.id === id && shown.admission.version < version) {
          this.load(id);
        }
      });
    });
    // A timer rather than `@defer (on timer)`: the defer runtime would go into @angular/core's chunk, which
    // every page loads first. The page the server renders says the tables are being prepared.
    effect((onCleanup) => {
      if (this.onServer || !this.timelineShown()) return;
      const timer = setTimeout(() => this.tablesDue.set(true), TABLES_AT_THE_LATEST_MS);
      onCleanup(() => clearTimeout(timer));
    });
    // The printed picture of the stay is made once the screen's chart is up, and again when it changes,
    // so that it is there when anyone prints: the browser's own Print does not wait for it.
    let pictures = 0;
    effect(() => {
      const chart = this.printStayChart();
      if (!chart || !this.tablesShown()) return;
      const picture = ++pictures;
      chartPicture(chart, PRINT_CHART_WIDTH).then(
        (svg) => {
          if (picture === pictures) this.printChart.set(svgDataUrl(svg));
        },
        () => undefined, // the print falls back to the screen's chart
      );
    });
    // The browser's own Print gets the same summary as the button, rendered before it prints.
    const appRef = inject(ApplicationRef);
    const beforePrint = () => {
      this.prepareForPrint();
      appRef.tick();
    };
    const view = inject(DOCUMENT).defaultView; // none when the server renders the page (ADR 13)
    view?.addEventListener('beforeprint', beforePrint);
    inject(DestroyRef).onDestroy(() => view?.removeEventListener('beforeprint', beforePrint));
  }

  /**
   * Once the chart of the stay is drawn (or could not be): the tables when the browser is next idle, which
   * is after it has painted the chart, not in the same frame.
   */
  protected showTablesWhenIdle(): void {
    afterNextPaint(() => this.chartPainted.set(true));
    const show = () => this.tablesShown.set(true);
    if (typeof requestIdleCallback === 'function') {
      requestIdleCallback(show, { timeout: 1000 });
    } else {
      setTimeout(show, 100);
    }
  }

  /** "Started 2 Dec 2026, 23:09; stopped 8 Dec 2026, 01:09", or "Not started". */
  protected infusionSpan(startedAt: string | null, stoppedAt: string | null): string {
    if (!startedAt) {
      return 'Not started';
    }
    const started = `Started ${this.when(startedAt)}`;
    return stoppedAt ? `${started}; stopped ${this.when(stoppedAt)}` : started;
  }

  protected when(iso: string | null): string {
    return iso ? formatWardMinute(iso, this.timeZone()) : '—';
  }

  /** Follow-up dates are calendar dates; everything else an instant in ward time. */
  protected whenEntry(at: string): string {
    return /^\d{4}-\d{2}-\d{2}$/.test(at) ? formatCalendarDate(at) : this.when(at);
  }

  /** The audit trail narrowed to this entry's record, within the admission. */
  protected auditUrl(admissionId: string, entry: TimelineEntry): string {
    const query = new URLSearchParams({
      admissionId,
      entityType: entry.record.type,
      entityId: entry.record.id,
    });
    return `/admin/audit?${query}`;
  }

  /**
   * Opens the audit history in the app, as a router link would; a new tab or window (a modified click)
   * is left to the browser. (RouterLink here would move router code into the initial bundle.)
   */
  protected openAudit(event: MouseEvent, url: string): void {
    if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    void this.router.navigateByUrl(url);
  }

  protected toggleKind(kind: EventKind, shown: boolean): void {
    const next = new Set(this.shownKinds());
    if (shown) {
      next.add(kind);
    } else {
      next.delete(kind);
    }
    this.shownKinds.set(next);
  }

  /**
   * Prints the summary: the charts of the whole stay as an SVG picture, the tables, the header on every
   * page. The screen's controls and the rest of the admission page are left out by the print styles.
   */
  protected print(): void {
    this.prepareForPrint();
    afterNextRender(() => window.print(), { injector: this.injector });
  }

  /** Who prints when; and the picture of the whole stay, from the screen's chart if none is made yet. */
  prepareForPrint(): void {
    if (!this.printChart()) {
      const chart = this.stayChartComponent();
      chart?.resetZoom();
      const svg = chart?.svg() ?? null;
      this.printChart.set(svg ? svgDataUrl(svg) : null);
    }
    this.printedAt.set(formatWardMinute(new Date().toISOString(), this.timeZone()));
  }

  private load(id: string): void {
    this.loadFailed.set(false);
    this.request?.unsubscribe();
    this.request = this.api.get(id).subscribe({
      next: (timeline) => this.timeline.set(timeline),
      error: () => this.loadFailed.set(true),
    });
  }
}

/** The tables are shown at the latest this long after the timeline, if the chart has not settled by then. */
const TABLES_AT_THE_LATEST_MS = 3000;

/** The printed chart's width in CSS pixels: about an A4 page's printable width at 96 dpi, scaled to fit. */
const PRINT_CHART_WIDTH = 1000;
