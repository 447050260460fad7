import {
  HttpClient,
  HttpDownloadProgressEvent,
  HttpErrorResponse,
  HttpEventType,
  HttpResponse,
} from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  Injectable,
  inject,
  input,
  signal,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { Subscription } from 'rxjs';
import { Problem } from '../core/api-types';
import { pageHandlesErrors } from '../core/http/page-handles-errors';
import { toProblem } from '../core/problem';
import { ProblemMessage } from '../shared/problem-message';

/** Hands a finished file to the browser to save (replaced in tests, where there is no browser). */
@Injectable({ providedIn: 'root' })
export class BrowserFiles {
  save(filename: string, blob: Blob): void {
    const url = URL.createObjectURL(blob);
    const anchor = document.createElement('a');
    anchor.href = url;
    anchor.download = filename;
    anchor.click();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }
}

type DownloadState =
  | { kind: 'idle' }
  | { kind: 'downloading'; rows: number; bytes: number }
  | { kind: 'done'; rows: number; filename: string }
  | { kind: 'cancelled' }
  | { kind: 'failed'; problem: Problem };

/**
 * Downloads a streamed CSV export through the app rather than as a plain link, so that a large one shows
 * how far it has come ("4 210 of 9 870 admissions"), can be cancelled, and says why it failed; the
 * finished file is then saved by the browser as any download. Rows are counted as lines after the
 * header (the exports this serves have no line breaks inside a cell).
 */
@Component({
  selector: 'app-csv-download',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, ProblemMessage],
  template: `
    @switch (state().kind) {
      @case ('downloading') {
        <button mat-stroked-button type="button" (click)="cancel()">Cancel the download</button>
      }
      @default {
        <button mat-stroked-button type="button" (click)="start()">{{ label() }}</button>
      }
    }
    <div class="state" role="status">
      @switch (state().kind) {
        @case ('downloading') {
          @if (expectedRows(); as expected) {
            <progress [max]="expected" [value]="shownRows()" aria-hidden="true"></progress>
          } @else {
            <progress aria-hidden="true"></progress>
          }
          <span>{{ progressWords() }}</span>
        }
        @case ('done') {
          <span>{{ doneWords() }}</span>
        }
        @case ('cancelled') {
          <span>Download cancelled; nothing was saved.</span>
        }
      }
    </div>
    @if (failure(); as problem) {
      <div class="failed" role="alert">
        <p>The download failed; nothing was saved.</p>
        <app-problem-message [problem]="problem" />
      </div>
    }
  `,
  styles: `
    :host {
      display: inline-flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem 1rem;
    }
    .state:empty {
      display: none;
    }
    .state {
      display: inline-flex;
      align-items: center;
      gap: 0.5rem;
    }
    .failed {
      flex-basis: 100%;
      color: #b00020;
    }
  `,
})
export class CsvDownload {
  private readonly http = inject(HttpClient);
  private readonly files = inject(BrowserFiles);

  /** Where the export is, with its query. */
  readonly url = input.required<string>();
  /** The button's words: "Download the analysis data set (CSV)". */
  readonly label = input.required<string>();
  /** The file name when the server does not give one. */
  readonly filename = input('export.csv');
  /** How many rows the export will have, when the page knows (the cohort it shows). */
  readonly expectedRows = input<number | null>(null);
  /** What a row is, for the progress words: "admissions". */
  readonly rowsAre = input('rows');

  protected readonly state = signal<DownloadState>({ kind: 'idle' });
  private subscription: Subscription | null = null;

  constructor() {
    inject(DestroyRef).onDestroy(() => this.subscription?.unsubscribe());
  }

  protected failure(): Problem | null {
    const state = this.state();
    return state.kind === 'failed' ? state.problem : null;
  }

  /** The rows so far, never more than the page said to expect (the bar stays honest at the end). */
  protected shownRows(): number {
    const state = this.state();
    const rows = state.kind === 'downloading' ? state.rows : 0;
    const expected = this.expectedRows();
    return expected === null ? rows : Math.min(rows, expected);
  }

  protected progressWords(): string {
    const state = this.state();
    if (state.kind !== 'downloading') return '';
    const expected = this.expectedRows();
    const of = expected === null ? '' : ` of ${count(expected)}`;
    return `Downloading: ${count(this.shownRows())}${of} ${this.rowsAre()} (${size(state.bytes)})`;
  }

  protected doneWords(): string {
    const state = this.state();
    return state.kind === 'done'
      ? `Downloaded ${state.filename}: ${count(state.rows)} ${this.rowsAre()}.`
      : '';
  }

  protected start(): void {
    this.subscription?.unsubscribe();
    this.state.set({ kind: 'downloading', rows: 0, bytes: 0 });
    const lines = new LineCounter();
    this.subscription = this.http
      .get(this.url(), {
        responseType: 'text',
        observe: 'events',
        reportProgress: true,
        context: pageHandlesErrors(),
      })
      .subscribe({
        next: (event) => {
          if (event.type === HttpEventType.DownloadProgress) {
            const progress = event as HttpDownloadProgressEvent;
            lines.read(progress.partialText ?? '');
            this.state.set({ kind: 'downloading', rows: lines.rows(), bytes: progress.loaded });
          } else if (event.type === HttpEventType.Response) {
            this.finish(event);
          }
        },
        error: (error: HttpErrorResponse) => this.state.set({ kind: 'failed', problem: problemOf(error) }),
      });
  }

  protected cancel(): void {
    this.subscription?.unsubscribe();
    this.subscription = null;
    this.state.set({ kind: 'cancelled' });
  }

  private finish(response: HttpResponse<string>): void {
    const text = response.body ?? '';
    const lines = new LineCounter();
    lines.read(text);
    const filename = filenameOf(response.headers.get('content-disposition')) ?? this.filename();
    this.files.save(filename, new Blob([text], { type: 'text/csv;charset=utf-8' }));
    this.state.set({ kind: 'done', rows: lines.rows(true), filename });
  }
}

/** Counts the complete lines of a growing text, reading only what is new each time. */
class LineCounter {
  private lines = 0;
  private readUpTo = 0;
  private length = 0;

  read(text: string): void {
    for (let at = text.indexOf('\n', this.readUpTo); at !== -1; at = text.indexOf('\n', at + 1)) {
      this.lines += 1;
      this.readUpTo = at + 1;
    }
    this.length = text.length;
  }

  /** Lines after the header; once the text is complete, a last line without a line break counts too. */
  rows(complete = false): number {
    const unterminated = complete && this.length > this.readUpTo ? 1 : 0;
    return Math.max(0, this.lines + unterminated - 1);
  }
}

/** A problem+json body arrives as text here (the request asked for text): read it as the server meant. */
function problemOf(error: HttpErrorResponse): Problem {
  if (typeof error.error === 'string') {
    try {
      const body: unknown = JSON.parse(error.error);
      return toProblem(
        new HttpErrorResponse({ error: body, status: error.status, statusText: error.statusText }),
      );
    } catch {
      // not JSON: say what the status was
    }
  }
  return toProblem(error);
}

/** `attachment; filename="outcome-analysis.csv"` → outcome-analysis.csv. */
export function filenameOf(disposition: string | null): string | null {
  const match = /filename="([^"]+)"/.exec(disposition ?? '');
  return match ? match[1] : null;
}

const count = (value: number) => value.toLocaleString('en-GB');

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
