import { InfusionEvent } from '../core/api-types';
import { haltedInfusionWords, heldInfusionWords, latestEvent, pumpShouldBeOff } from './infusion-state';

const NOW = Date.parse('2026-11-28T10:00:00Z');

describe('held infusion words', () => {
  it('says a paused infusion is paused, since when in ward time, and why', () => {
    expect(
      heldInfusionWords(
        'paused',
        { type: 'pause', occurredAt: '2026-11-28T02:59:00Z', reason: 'hallucinations' },
        'Australia/Sydney',
        NOW,
      ),
    ).toBe('Paused since 13:59: hallucinations');
  });

  it('says when a stopped infusion stopped, with the day when it was not today', () => {
    expect(
      heldInfusionWords(
        'infusion-stopped',
        { type: 'stop', occurredAt: '2026-11-28T09:10:00Z', reason: null },
        'UTC',
        NOW,
      ),
    ).toBe('Stopped 09:10');
    expect(
      heldInfusionWords(
        'infusion-stopped',
        { type: 'stop', occurredAt: '2026-11-26T09:10:00Z', reason: 'Course complete' },
        'UTC',
        NOW,
      ),
    ).toBe('Stopped 26 Nov, 09:10: Course complete');
  });

  it('still says paused when the pausing event is not known, and says nothing for a running infusion', () => {
    expect(
      heldInfusionWords(
        'paused',
        { type: 'start', occurredAt: '2026-11-28T09:10:00Z', reason: null },
        'UTC',
        NOW,
      ),
    ).toBe('Paused');
    expect(heldInfusionWords('infusion-stopped', null, 'UTC', NOW)).toBe('Stopped');
    expect(
      heldInfusionWords(
        'infusing',
        { type: 'resume', occurredAt: '2026-11-28T09:10:00Z', reason: null },
        'UTC',
        NOW,
      ),
    ).toBeNull();
  });

  it('finds the latest event of the record', () => {
    const event = (type: InfusionEvent['type'], occurredAt: string): InfusionEvent => ({
      id: occurredAt,
      type,
      occurredAt,
      reason: null,
      recordedBy: 'u',
      recordedAt: occurredAt,
    });
    expect(
      latestEvent([event('start', '2026-11-28T08:00:00Z'), event('pause', '2026-11-28T09:00:00Z')])?.type,
    ).toBe('pause');
    expect(latestEvent([])).toBeNull();
  });
});

describe('halted infusion words', () => {
  it('says an infusion not started is not started, and otherwise what a held one says', () => {
    const now = Date.parse('2025-07-01T12:00:00Z');
    expect(haltedInfusionWords('admitted', null, 'UTC', now)).toBe('Not started');
    expect(haltedInfusionWords('planned', null, 'UTC', now)).toBe('Not started');
    expect(haltedInfusionWords('paused', null, 'UTC', now)).toBe('Paused');
    expect(haltedInfusionWords('infusing', null, 'UTC', now)).toBeNull();
  });
});

describe('whether the pump should be off', () => {
  it('is off before the start, while paused and once stopped; on only while infusing', () => {
    expect(pumpShouldBeOff('planned')).toBe(true);
    expect(pumpShouldBeOff('admitted')).toBe(true);
    expect(pumpShouldBeOff('paused')).toBe(true);
    expect(pumpShouldBeOff('infusion-stopped')).toBe(true);
    expect(pumpShouldBeOff('infusing')).toBe(false);
  });
});
