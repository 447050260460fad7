import { HttpEventType } from '@angular/common/http';
import { HttpTestingController, TestRequest } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { button, buttonsNamed, text } from '../../testing/dom';
import { provideTestApp } from '../../testing/providers';
import { BrowserFiles, CsvDownload, filenameOf } from './csv-download';

const URL_OF_EXPORT = '/api/exports/outcome-analysis.csv?ward=B';

describe('CsvDownload', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<CsvDownload>;
  let host: HTMLElement;
  let saved: { filename: string; blob: Blob }[];

  beforeEach(() => {
    saved = [];
    TestBed.configureTestingModule({
      providers: [
        ...provideTestApp(),
        {
          provide: BrowserFiles,
          useValue: { save: (filename: string, blob: Blob) => saved.push({ filename, blob }) },
        },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(CsvDownload);
    fixture.componentRef.setInput('url', URL_OF_EXPORT);
    fixture.componentRef.setInput('label', 'Download the analysis data set (CSV)');
    fixture.componentRef.setInput('rowsAre', 'admissions');
    host = fixture.nativeElement;
  });

  afterEach(() => http.verify());

  async function start(): Promise<TestRequest> {
    await fixture.whenStable();
    button(host, 'Download the analysis data set (CSV)').click();
    await fixture.whenStable();
    return http.expectOne(URL_OF_EXPORT);
  }

  async function progress(request: TestRequest, partialText: string) {
    request.event({ type: HttpEventType.DownloadProgress, loaded: partialText.length, partialText });
    await fixture.whenStable();
  }

  const status = () => text(host.querySelector('[role="status"]'));

  it('shows the rows received against the rows expected as they arrive, then saves the file', async () => {
    fixture.componentRef.setInput('expectedRows', 3);
    const request = await start();
    expect(status()).toBe('Downloading: 0 of 3 admissions (0 bytes)');
    await progress(request, 'study_id,days\nS1,4\nS2');
    expect(status()).toBe('Downloading: 1 of 3 admissions (21 bytes)');
    expect(host.querySelector('progress')?.getAttribute('max')).toBe('3');
    await progress(request, 'study_id,days\nS1,4\nS2,5\nS3,6\n');
    expect(status()).toBe('Downloading: 3 of 3 admissions (29 bytes)');

    request.flush('study_id,days\nS1,4\nS2,5\nS3,6\n', {
      headers: { 'content-disposition': 'attachment; filename="outcome-analysis.csv"' },
    });
    await fixture.whenStable();
    expect(status()).toBe('Downloaded outcome-analysis.csv: 3 admissions.');
    expect(saved).toHaveLength(1);
    expect(saved[0].filename).toBe('outcome-analysis.csv');
    expect(await textOf(saved[0].blob)).toBe('study_id,days\nS1,4\nS2,5\nS3,6\n');
    // The button is back, for another download.
    expect(buttonsNamed(host, 'Download the analysis data set (CSV)')).toHaveLength(1);
  });

  it('counts without a total when the page does not know one, and a last row without a line break', async () => {
    fixture.componentRef.setInput('filename', 'fallback.csv');
    const request = await start();
    await progress(request, 'a\nb\nc\n');
    expect(status()).toBe('Downloading: 2 admissions (6 bytes)');
    expect(host.querySelector('progress')?.hasAttribute('value')).toBe(false);
    request.flush('a\nb\nc\nd');
    await fixture.whenStable();
    expect(status()).toBe('Downloaded fallback.csv: 3 admissions.');
    expect(saved[0].filename).toBe('fallback.csv');
  });

  it('cancels: the request is dropped and nothing is saved', async () => {
    const request = await start();
    await progress(request, 'a\nb\n');
    button(host, 'Cancel the download').click();
    await fixture.whenStable();
    expect(request.cancelled).toBe(true);
    expect(status()).toBe('Download cancelled; nothing was saved.');
    expect(saved).toEqual([]);
  });

  it('says why it failed with the problem the server sent, and saves nothing', async () => {
    const request = await start();
    request.flush(
      JSON.stringify({
        type: '/problems/validation',
        title: 'The request is not valid',
        detail: 'ward is too long',
      }),
      { status: 400, statusText: 'Bad Request', headers: { 'content-type': 'application/problem+json' } },
    );
    await fixture.whenStable();
    const alert = host.querySelector('[role="alert"]');
    expect(text(alert)).toContain('The download failed; nothing was saved.');
    expect(text(alert)).toContain('ward is too long');
    expect(saved).toEqual([]);
  });
});

/** jsdom's Blob has no text(): read it as a browser did before it had one. */
function textOf(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string);
    reader.onerror = () => reject(reader.error);
    reader.readAsText(blob);
  });
}

describe('filenameOf', () => {
  it('reads the file name of a Content-Disposition header', () => {
    expect(filenameOf('attachment; filename="outcome-analysis.csv"')).toBe('outcome-analysis.csv');
    expect(filenameOf(null)).toBeNull();
    expect(filenameOf('inline')).toBeNull();
  });
});
