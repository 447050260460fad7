import { ContextHints } from './context-hints.js';
import type { ObservationContext } from './observations.queries.js';

const context = (status: string): ObservationContext => ({
  status,
  admittedAt: new Date('2026-11-20T09:00:00Z'),
  admittedAtExact: '2026-11-20 09:00:00+00',
  orderRate: { value: 0.1, unit: 'mg/kg/h' },
  infusionEvent: 'start',
  spo2Scale2Target: null,
});

describe('ContextHints', () => {
  it('remembers the latest context per admission', () => {
    const hints = new ContextHints(10);
    hints.remember('a', context('admitted'));
    hints.remember('a', context('infusing'));
    expect(hints.get('a')?.status).toBe('infusing');
    expect(hints.get('b')).toBeUndefined();
  });

  it('keeps at most its capacity, dropping the admission seen longest ago', () => {
    const hints = new ContextHints(2);
    hints.remember('a', context('infusing'));
    hints.remember('b', context('infusing'));
    hints.remember('a', context('paused')); // seen again: now the newest
    hints.remember('c', context('infusing'));
    expect(hints.size).toBe(2);
    expect(hints.get('b')).toBeUndefined();
    expect(hints.get('a')?.status).toBe('paused');
    expect(hints.get('c')).toBeDefined();
  });
});
