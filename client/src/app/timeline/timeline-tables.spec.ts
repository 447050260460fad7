import { aTimeline, aTimelineEvent, aTimelineOrder, aTimelineSet } from '../../testing/timeline-factories';
import { buildEventList, buildFlowsheet, summariseObservations } from './timeline-tables';

describe('timeline tables', () => {
  describe('flowsheet', () => {
    it('shows every recorded value of every set, time across and items down', () => {
      const sets = [
        aTimelineSet({ takenAt: '2025-07-01T09:00:00Z', pulse: 76, painScore: 6 }),
        aTimelineSet({ takenAt: '2025-07-01T10:00:00Z', pulse: 88, painScore: 4, comment: 'Comfortable' }),
      ];
      const sheet = buildFlowsheet(sets);
      expect(sheet.columns.map((column) => column.takenAt)).toEqual([
        '2025-07-01T09:00:00Z',
        '2025-07-01T10:00:00Z',
      ]);
      const row = (item: string) =>
        sheet.rows.find((entry) => entry.item === item)!.cells.map((cell) => cell.text);
      expect(row('Pulse /min')).toEqual(['76', '88']);
      expect(row('Pain NRS 0-10')).toEqual(['6', '4']);
      expect(row('Temperature °C')).toEqual(['36.8', '36.8']);
      expect(row('Nausea')).toEqual(['None', 'None']);
      expect(row('Comment')).toEqual(['—', 'Comfortable']);
      expect(row('Recorded by')).toEqual(['Sam Lee', 'Sam Lee']);
    });

    it('says why a value is abnormal in words: its NEWS2 score, or unacceptable sedation', () => {
      const set = aTimelineSet({ respirationRate: 26, sedation: '3' });
      set.news2 = { ...set.news2, parameters: { ...set.news2.parameters, respirationRate: 3 } };
      const sheet = buildFlowsheet([set]);
      const cell = (item: string) => sheet.rows.find((entry) => entry.item === item)!.cells[0];
      expect(cell('Respiration rate /min')).toEqual({
        text: '26',
        emphasis: 'very-abnormal',
        note: 'NEWS2 +3',
      });
      expect(cell('POSS sedation')).toMatchObject({ emphasis: 'very-abnormal', note: 'unacceptable' });
      expect(cell('Pulse /min').emphasis).toBe('none');
    });

    it('keeps an entered-in-error set with its reason, and shows an unassessed side effect as such', () => {
      const wrong = aTimelineSet({
        sideEffects: { hallucinations: 'severe' },
        enteredInError: {
          reason: 'Wrong patient',
          markedBy: 'n',
          markedByName: 'Sam Lee',
          markedAt: '2025-07-01T11:00:00Z',
        },
      });
      const sheet = buildFlowsheet([aTimelineSet(), wrong]);
      expect(sheet.columns[1].enteredInError).toEqual({ reason: 'Wrong patient', markedByName: 'Sam Lee' });
      const hallucinations = sheet.rows.find((row) => row.item === 'Hallucinations')!.cells;
      expect(hallucinations.map((cell) => cell.text)).toEqual(['not assessed', 'Severe']);
    });
  });

  it('lists orders, events, flags, corrections and the admission in time order', () => {
    const timeline = aTimeline({
      orders: [
        aTimelineOrder({ id: 'order-1', effectiveFrom: '2025-07-01T08:00:00Z', state: 'superseded' }),
        aTimelineOrder({
          id: 'order-2',
          effectiveFrom: '2025-07-01T12:00:00Z',
          rate: { value: 0.2, unit: 'mg/kg/h' },
          state: 'entered-in-error',
          enteredInError: {
            reason: 'Typo',
            markedBy: 'p',
            markedByName: 'Dr Ana Silva',
            markedAt: '2025-07-01T12:10:00Z',
          },
        }),
      ],
      events: [
        aTimelineEvent({ id: 'event-1', occurredAt: '2025-07-01T08:05:00Z' }),
        aTimelineEvent({
          id: 'event-2',
          type: 'pause',
          occurredAt: '2025-07-01T11:00:00Z',
          reason: 'POSS 3',
        }),
      ],
    });
    const list = buildEventList(timeline, [
      aTimelineSet({ id: 'set-1', takenAt: '2025-07-01T10:55:00Z', flags: ['unacceptable-sedation'] }),
    ]);
    expect(list.map((entry) => [entry.at, entry.kind])).toEqual([
      ['2025-07-01T07:00:00.000Z', 'admission'],
      ['2025-07-01T08:00:00Z', 'order'],
      ['2025-07-01T08:05:00Z', 'infusion'],
      ['2025-07-01T10:55:00Z', 'flag'],
      ['2025-07-01T11:00:00Z', 'infusion'],
      ['2025-07-01T12:00:00Z', 'order'],
      ['2025-07-01T12:10:00Z', 'correction'],
    ]);
    expect(list[5].title).toContain('0.2 mg/kg/h');
    expect(list[5].title).toContain('entered in error');
    expect(list[6].detail).toBe('Typo');
    // Each entry names the record whose audit history it links to, as the audit trail names it.
    expect(list.map((entry) => entry.record)).toEqual([
      { type: 'admission', id: timeline.admission.id },
      { type: 'infusion-order', id: 'order-1' },
      { type: 'infusion-event', id: 'event-1' },
      { type: 'observation-set', id: 'set-1' },
      { type: 'infusion-event', id: 'event-2' },
      { type: 'infusion-order', id: 'order-2' },
      { type: 'infusion-order', id: 'order-2' },
    ]);
  });

  it('summarises the current sets: min and max per item, flags, and NEWS2 ≥ 5 episodes', () => {
    const score = (total: number | null) => ({
      ...aTimelineSet().news2,
      complete: total !== null,
      total,
      response:
        total === null
          ? null
          : total >= 7
            ? ('high' as const)
            : total >= 5
              ? ('medium' as const)
              : ('low' as const),
    });
    const sets = [
      aTimelineSet({ takenAt: '2025-07-01T09:00:00Z', pulse: 70, news2: score(1) }),
      aTimelineSet({ takenAt: '2025-07-01T10:00:00Z', pulse: 120, news2: score(5), flags: ['news2-high'] }),
      aTimelineSet({ takenAt: '2025-07-01T11:00:00Z', pulse: 100, news2: score(null) }),
      aTimelineSet({ takenAt: '2025-07-01T12:00:00Z', pulse: 95, news2: score(7) }),
      aTimelineSet({ takenAt: '2025-07-01T13:00:00Z', pulse: 80, news2: score(2) }),
      aTimelineSet({
        takenAt: '2025-07-01T14:00:00Z',
        pulse: 200,
        enteredInError: {
          reason: 'Typo',
          markedBy: 'n',
          markedByName: 'Sam',
          markedAt: '2025-07-01T14:05:00Z',
        },
      }),
    ];
    const summary = summariseObservations(sets);
    expect(summary.sets).toBe(5);
    expect(summary.enteredInError).toBe(1);
    expect(summary.items.find((item) => item.item === 'Pulse')).toEqual({
      item: 'Pulse',
      unit: '/min',
      count: 5,
      min: 70,
      max: 120,
    });
    expect(summary.flags).toEqual([{ flag: expect.any(String), count: 1 }]);
    // An incomplete set neither ends nor extends an episode.
    expect(summary.news2Episodes).toEqual([
      { from: '2025-07-01T10:00:00Z', to: '2025-07-01T12:00:00Z', highest: 7, sets: 2 },
    ]);
  });
});
