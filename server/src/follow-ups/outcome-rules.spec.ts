import { outcomeRuleViolations, type BenefitReport } from './outcome-rules.js';

const context = (others: BenefitReport[] = []) => ({
  dischargedOn: '2026-10-01',
  today: '2026-11-28',
  others,
});
const fields = (outcome: BenefitReport, others: BenefitReport[] = []) =>
  outcomeRuleViolations(outcome, context(others)).map((error) => error.field);

describe('outcomeRuleViolations', () => {
  it('accepts an ongoing benefit assessed between discharge and today', () => {
    expect(fields({ assessedOn: '2026-10-01', benefitOngoing: true })).toEqual([]);
    expect(fields({ assessedOn: '2026-11-28', benefitOngoing: true })).toEqual([]);
  });

  it('refuses an assessment before the discharge date or in the future', () => {
    expect(fields({ assessedOn: '2026-09-30', benefitOngoing: true })).toEqual(['assessedOn']);
    expect(fields({ assessedOn: '2026-11-29', benefitOngoing: true })).toEqual(['assessedOn']);
  });

  it('requires the end date when benefit ended, between discharge and the assessment', () => {
    expect(fields({ assessedOn: '2026-11-01', benefitOngoing: false })).toEqual(['benefitEndedOn']);
    expect(fields({ assessedOn: '2026-11-01', benefitOngoing: false, benefitEndedOn: '2026-09-30' })).toEqual(
      ['benefitEndedOn'],
    );
    expect(fields({ assessedOn: '2026-11-01', benefitOngoing: false, benefitEndedOn: '2026-11-02' })).toEqual(
      ['benefitEndedOn'],
    );
    expect(fields({ assessedOn: '2026-11-01', benefitOngoing: false, benefitEndedOn: '2026-11-01' })).toEqual(
      [],
    );
    expect(fields({ assessedOn: '2026-11-01', benefitOngoing: false, benefitEndedOn: '2026-10-01' })).toEqual(
      [],
    );
  });

  it('refuses an end date, an approximate flag or no answer mix-ups when benefit is ongoing', () => {
    expect(fields({ assessedOn: '2026-11-01', benefitOngoing: true, benefitEndedOn: '2026-10-20' })).toEqual([
      'benefitEndedOn',
    ]);
    expect(
      fields({ assessedOn: '2026-11-01', benefitOngoing: true, benefitEndedOnApproximate: true }),
    ).toEqual(['benefitEndedOnApproximate']);
    expect(
      fields({
        assessedOn: '2026-11-01',
        benefitOngoing: false,
        benefitEndedOn: '2026-10-20',
        benefitReturned: true,
      }),
    ).toEqual(['benefitReturned']);
  });

  it('refuses an end date before an earlier follow-up that reported benefit ongoing', () => {
    const earlier = { assessedOn: '2026-10-15', benefitOngoing: true };
    expect(
      fields({ assessedOn: '2026-11-01', benefitOngoing: false, benefitEndedOn: '2026-10-14' }, [earlier]),
    ).toEqual(['benefitEndedOn']);
    expect(
      fields({ assessedOn: '2026-11-01', benefitOngoing: false, benefitEndedOn: '2026-10-15' }, [earlier]),
    ).toEqual([]);
  });

  it('says ongoing after an ended benefit only with benefitReturned true', () => {
    const ended = { assessedOn: '2026-10-15', benefitOngoing: false, benefitEndedOn: '2026-10-10' };
    expect(fields({ assessedOn: '2026-11-01', benefitOngoing: true }, [ended])).toEqual(['benefitReturned']);
    expect(
      fields({ assessedOn: '2026-11-01', benefitOngoing: true, benefitReturned: false }, [ended]),
    ).toEqual(['benefitReturned']);
    expect(
      fields({ assessedOn: '2026-11-01', benefitOngoing: true, benefitReturned: true }, [ended]),
    ).toEqual([]);
  });

  it('refuses benefitReturned when no earlier follow-up reported the benefit ended', () => {
    expect(fields({ assessedOn: '2026-11-01', benefitOngoing: true, benefitReturned: true })).toEqual([
      'benefitReturned',
    ]);
    expect(fields({ assessedOn: '2026-11-01', benefitOngoing: true, benefitReturned: false })).toEqual([]);
  });

  it('checks an outcome entered late against the later ones', () => {
    const laterEnded = { assessedOn: '2026-11-20', benefitOngoing: false, benefitEndedOn: '2026-10-20' };
    expect(fields({ assessedOn: '2026-11-01', benefitOngoing: true }, [laterEnded])).toEqual([
      'benefitOngoing',
    ]);
    expect(fields({ assessedOn: '2026-10-18', benefitOngoing: true }, [laterEnded])).toEqual([]);
    const laterOngoing = { assessedOn: '2026-11-20', benefitOngoing: true };
    expect(
      fields({ assessedOn: '2026-11-01', benefitOngoing: false, benefitEndedOn: '2026-10-25' }, [
        laterOngoing,
      ]),
    ).toEqual(['benefitOngoing']);
    const laterReturned = { assessedOn: '2026-11-20', benefitOngoing: true, benefitReturned: true };
    expect(
      fields({ assessedOn: '2026-11-01', benefitOngoing: false, benefitEndedOn: '2026-10-25' }, [
        laterReturned,
      ]),
    ).toEqual([]);
  });

  it('collects several messages for one field', () => {
    const errors = outcomeRuleViolations(
      { assessedOn: '2026-09-01', benefitOngoing: true },
      { dischargedOn: '2026-10-01', today: '2026-08-01', others: [] },
    );
    expect(errors).toEqual([
      { field: 'assessedOn', messages: [expect.stringMatching(/before/), expect.stringMatching(/future/)] },
    ]);
  });
});
