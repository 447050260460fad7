import { aTimelineSet, timelineObservations } from '../../testing/timeline-factories';
import { observationSets, plottedColumns, sideEffectMarks } from './timeline-observations';

describe('timeline observations (the sets as columns)', () => {
  const first = aTimelineSet({
    takenAt: '2025-07-01T09:00:00.000Z',
    pulse: 80,
    sideEffects: { nausea: 'mild' },
  });
  const wrong = aTimelineSet({
    takenAt: '2025-07-01T09:30:00.000Z',
    pulse: 140,
    sideEffects: { nausea: 'severe' },
    enteredInError: {
      reason: 'Wrong patient',
      markedBy: 'nurse-2',
      markedByName: 'Kim Ode',
      markedAt: '2025-07-01T09:40:00.000Z',
    },
  });
  const notAssessed = aTimelineSet({
    takenAt: '2025-07-01T10:00:00.000Z',
    pulse: null,
    pumpRate: null,
    sideEffects: { vomiting: 'moderate' },
  });
  const columns = timelineObservations([first, wrong, notAssessed]);

  it('gives back every set with every value, entered-in-error ones included', () => {
    expect(observationSets(columns)).toEqual([first, wrong, notAssessed]);
  });

  it('leaves a side effect a set did not assess out of that set, never "none"', () => {
    expect(columns.sideEffects.vomiting).toEqual([null, null, 'moderate']);
    const [rebuilt] = observationSets(columns);
    expect(rebuilt.sideEffects).toEqual({ nausea: 'mild' });
    expect('vomiting' in rebuilt.sideEffects).toBe(false);
  });

  it('plots only the sets that stand, in time order', () => {
    const plotted = plottedColumns(columns);
    expect(plotted.setId).toEqual([first.id, notAssessed.id]);
    expect(plotted.pulse).toEqual([80, null]);
    expect(plotted.news2Total).toEqual([0, 0]);
  });

  it('marks side effects graded mild or worse in the sets that stand', () => {
    expect(sideEffectMarks(columns)).toEqual([
      { at: first.takenAt, setId: first.id, effect: 'nausea', grade: 'mild' },
      { at: notAssessed.takenAt, setId: notAssessed.id, effect: 'vomiting', grade: 'moderate' },
    ]);
  });
});
