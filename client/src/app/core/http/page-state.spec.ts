import { PLATFORM_ID, TransferState, makeStateKey } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom, of } from 'rxjs';
import { PageState } from './page-state';

describe('PageState (ADR 13)', () => {
  function pageState(platform: 'browser' | 'server') {
    TestBed.configureTestingModule({ providers: [{ provide: PLATFORM_ID, useValue: platform }] });
    return { state: TestBed.inject(PageState), transfer: TestBed.inject(TransferState) };
  }

  it('in the browser, answers the first read with what the page came with, and later ones by reading', async () => {
    const { state, transfer } = pageState('browser');
    transfer.set(makeStateKey<{ from: string }>('timeline a1'), { from: 'page' });
    let reads = 0;
    const read = () => {
      reads += 1;
      return of({ from: 'server' });
    };
    expect(await firstValueFrom(state.read('timeline a1', read))).toEqual({ from: 'page' });
    expect(reads).toBe(0);
    expect(await firstValueFrom(state.read('timeline a1', read))).toEqual({ from: 'server' });
    expect(reads).toBe(1);
  });

  it('in the browser, reads what the page did not come with', async () => {
    const { state } = pageState('browser');
    expect(await firstValueFrom(state.read('admission a1', () => of('read')))).toBe('read');
  });

  it('on the server, reads each time and keeps the answer for the page', async () => {
    const { state, transfer } = pageState('server');
    expect(await firstValueFrom(state.read('admission a1', () => of({ version: 3 })))).toEqual({
      version: 3,
    });
    expect(transfer.get(makeStateKey('admission a1'), null)).toEqual({ version: 3 });
    expect(transfer.toJson()).toContain('"version":3');
  });
});
