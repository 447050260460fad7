import { aTimelineSet, timelineObservations } from '../../testing/timeline-factories';
import { observationSets, plottedColumns, sideEffectMarks } from './timeline-observations';
import { buildFlowsheet } from './timeline-tables';

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
  const vomitingOnly = aTimelineSet({
    takenAt: '2025-07-01T10:00:00.000Z',
    pulse: null,
    pumpRate: null,
    sideEffects: { vomiting: 'moderate' },
    confirmedReadings: ['respirationRate'],
    respirationRate: 40,
  });
  const asleep = aTimelineSet({
    takenAt: '2025-07-01T11:00:00.000Z',
    systolicBp: null,
    diastolicBp: null,
    sideEffects: null,
    partialReason: 'other',
    partialReasonText: 'In the bath',
    news2: {
      ...aTimelineSet().news2,
      complete: false,
      total: null,
      response: null,
      missing: ['systolicBp'],
      parameters: { ...aTimelineSet().news2.parameters, systolicBp: null },
    },
  });
  const columns = timelineObservations([first, wrong, vomitingOnly, asleep]);

  it('gives back every set with every value, entered-in-error ones included', () => {
    expect(observationSets(columns)).toEqual([first, wrong, vomitingOnly, asleep]);
  });

  it('carries why a set is partial and the readings the nurse confirmed, set by set', () => {
    expect(columns.partialReason).toEqual([null, null, null, 'other']);
    expect(columns.partialReasonText).toEqual([null, null, null, 'In the bath']);
    expect(columns.confirmedReadings).toEqual([[], [], ['respirationRate'], []]);
    const rebuilt = observationSets(columns);
    expect(rebuilt[3]).toMatchObject({ partialReason: 'other', partialReasonText: 'In the bath' });
    expect(rebuilt[2].confirmedReadings).toEqual(['respirationRate']);
  });

  it('leaves a side effect a set did not grade out of that set, never "none"', () => {
    expect(columns.sideEffects.vomiting).toEqual([null, null, 'moderate', null]);
    const [rebuilt] = observationSets(columns);
    expect(rebuilt.sideEffects).toEqual({ nausea: 'mild' });
    expect('vomiting' in rebuilt.sideEffects!).toBe(false);
  });

  it('gives a set that did not assess side effects back as not assessed (null), not as graded "none"', () => {
    expect(columns.sideEffects.nausea![3]).toBeNull();
    expect(observationSets(columns)[3].sideEffects).toBeNull();
  });

  it('lets the flowsheet show the partial set with its reason and its side effects as not assessed', () => {
    const sheet = buildFlowsheet(observationSets(columns));
    const row = (item: string) =>
      sheet.rows.find((entry) => entry.item === item)!.cells.map((cell) => cell.text);
    expect(row('Partial set')).toEqual(['—', '—', '—', 'Partial – Other reason: In the bath']);
    expect(row('Confirmed as read')).toEqual(['—', '—', 'RR 40', '—']);
    expect(row('Side effects')).toEqual(['Graded below', 'Graded below', 'Graded below', 'not assessed']);
    expect(row('Nausea')).toEqual(['Mild', 'Severe', 'not assessed', 'not assessed']);
  });

  it('plots only the sets that stand, in time order, a partial one with no NEWS2 total', () => {
    const plotted = plottedColumns(columns);
    expect(plotted.setId).toEqual([first.id, vomitingOnly.id, asleep.id]);
    expect(plotted.pulse).toEqual([80, null, 76]);
    expect(plotted.news2Total).toEqual([0, 0, null]);
  });

  it('marks side effects graded mild or worse in the sets that stand', () => {
    expect(sideEffectMarks(columns)).toEqual([
      { at: first.takenAt, setId: first.id, effect: 'nausea', grade: 'mild' },
      { at: vomitingOnly.takenAt, setId: vomitingOnly.id, effect: 'vomiting', grade: 'moderate' },
    ]);
  });
});
