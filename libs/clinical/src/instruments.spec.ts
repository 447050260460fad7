import {
  instrumentAnswerProblems,
  instrumentDefinitionProblems,
  isPgicResponder,
  NRS_DEFINITION,
  PGIC_DEFINITION,
  PGIC_WORDING_ID,
  scoreInstrument,
  SHIPPED_INSTRUMENTS,
  type InstrumentDefinition,
} from './instruments.js';

const interference: InstrumentDefinition = {
  code: 'bpi-interference',
  version: 'test-1',
  title: 'Interference (test text)',
  placeholder: true,
  recall: 'Last week',
  items: ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((key) => ({ key, text: `Item ${key}` })),
  scale: { min: 0, max: 10, minAnchor: 'Does not interfere', maxAnchor: 'Completely interferes' },
  scoring: { rule: 'mean', minAnswered: 4 },
};

describe('scoreInstrument', () => {
  it('is the mean of all seven answered items', () => {
    expect(scoreInstrument(interference, { a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 7 })).toEqual({
      score: 4,
      valid: true,
      answered: 7,
    });
  });

  it('is valid with four of seven answered, the mean of those four', () => {
    expect(scoreInstrument(interference, { a: 2, b: 3, c: null, d: 4, e: 6 })).toEqual({
      score: 3.75,
      valid: true,
      answered: 4,
    });
  });

  it('is not valid with three of seven answered, though it has a mean', () => {
    expect(scoreInstrument(interference, { a: 2, b: null, c: 3, d: 4 })).toEqual({
      score: 3,
      valid: false,
      answered: 3,
    });
  });

  it('treats unanswered as missing, never as zero', () => {
    expect(
      scoreInstrument(interference, { a: 10, b: 10, c: 10, d: 10, e: null, f: null, g: null }).score,
    ).toBe(10);
    expect(scoreInstrument(interference, {})).toEqual({ score: null, valid: false, answered: 0 });
  });

  it('counts answered zeros', () => {
    expect(scoreInstrument(interference, { a: 0, b: 0, c: 0, d: 0 })).toEqual({
      score: 0,
      valid: true,
      answered: 4,
    });
  });

  it('rounds the mean to two decimals', () => {
    expect(scoreInstrument(interference, { a: 1, b: 1, c: 1, d: 1, e: 1, f: 2, g: 2 }).score).toBe(1.29);
  });

  it('scores a PGIC answer as itself', () => {
    expect(scoreInstrument(PGIC_DEFINITION, { pgic: 2 })).toEqual({ score: 2, valid: true, answered: 1 });
  });
});

describe('instrumentAnswerProblems', () => {
  it('accepts answers on the scale and nulls', () => {
    expect(instrumentAnswerProblems(interference, { a: 0, b: 10, c: null })).toEqual([]);
  });

  it('refuses unknown items, values off the scale and fractions', () => {
    expect(instrumentAnswerProblems(interference, { z: 1 })).toEqual(['bpi-interference has no item "z"']);
    expect(instrumentAnswerProblems(interference, { a: 11 })).toHaveLength(1);
    expect(instrumentAnswerProblems(interference, { a: -1 })).toHaveLength(1);
    expect(instrumentAnswerProblems(interference, { a: 2.5 })).toHaveLength(1);
    expect(instrumentAnswerProblems(interference, { a: '3' as unknown as number })).toHaveLength(1);
  });
});

describe('shipped instruments', () => {
  it('words the PGIC as domain.md does, with a wording id', () => {
    expect(PGIC_DEFINITION.version).toBe(PGIC_WORDING_ID);
    expect(PGIC_DEFINITION.items[0].text).toBe('Since the start of treatment, my overall status is:');
    expect(PGIC_DEFINITION.scale.labels?.map((label) => label.text)).toEqual([
      'Very much improved',
      'Much improved',
      'Minimally improved',
      'No change',
      'Minimally worse',
      'Much worse',
      'Very much worse',
    ]);
  });

  it('counts PGIC 1 and 2 as responders only', () => {
    expect([1, 2, 3, 4, 5, 6, 7].filter(isPgicResponder)).toEqual([1, 2]);
  });

  it('ships definitions that pass their own checks, and no BPI', () => {
    for (const definition of SHIPPED_INSTRUMENTS)
      expect(instrumentDefinitionProblems(definition)).toEqual([]);
    expect(SHIPPED_INSTRUMENTS.map((definition) => definition.code)).toEqual(['pgic', 'nrs']);
    expect(NRS_DEFINITION.scale).toMatchObject({ min: 0, max: 10 });
  });
});

describe('instrumentDefinitionProblems', () => {
  it('accepts a well-formed definition', () => {
    expect(instrumentDefinitionProblems(interference)).toEqual([]);
  });

  it('refuses what is not an object', () => {
    expect(instrumentDefinitionProblems(null)).toEqual(['a definition is a JSON object']);
    expect(instrumentDefinitionProblems([])).toEqual(['a definition is a JSON object']);
  });

  it.each([
    [{ code: 'BPI!' }, 'code must be 1-40 lower-case letters, digits or dashes, starting with a letter'],
    [{ version: '' }, 'version must be text of 1 to 60 characters'],
    [{ placeholder: 'yes' }, 'placeholder must be true or false'],
    [{ items: [] }, 'items must be a list of 1 to 50 { key, text }'],
    [
      {
        items: [
          { key: 'a', text: 'A' },
          { key: 'a', text: 'B' },
        ],
      },
      'item key "a" appears twice',
    ],
    [{ items: [{ key: 'a', text: '' }] }, 'every item needs its text'],
    [
      { scale: { min: 5, max: 5, minAnchor: 'x', maxAnchor: 'y' } },
      'scale.min and scale.max must be whole numbers, min below max',
    ],
    [{ scale: { min: 0, max: 10, minAnchor: '', maxAnchor: 'y' } }, 'scale.minAnchor must be text'],
    [{ scoring: { rule: 'sum', minAnswered: 1 } }, "scoring must be { rule: 'mean', minAnswered }"],
    [
      { scoring: { rule: 'mean', minAnswered: 8 } },
      'scoring.minAnswered must be a whole number from 1 to the number of items',
    ],
    [
      { scoring: { rule: 'mean', minAnswered: 0 } },
      'scoring.minAnswered must be a whole number from 1 to the number of items',
    ],
  ])('refuses %j', (change, problem) => {
    expect(instrumentDefinitionProblems({ ...interference, ...change })).toContain(problem);
  });
});
