import { compareWithMaximum } from './maximum-rate-check.js';

describe('compareWithMaximum', () => {
  it('compares only in the same unit', () => {
    expect(compareWithMaximum({ value: 0.2, unit: 'mg/kg/h' }, { value: 0.15, unit: 'mg/kg/h' })).toBe(
      'above',
    );
    expect(compareWithMaximum({ value: 0.15, unit: 'mg/kg/h' }, { value: 0.15, unit: 'mg/kg/h' })).toBe(
      'within',
    );
    expect(compareWithMaximum({ value: 8, unit: 'mg/h' }, { value: 0.15, unit: 'mg/kg/h' })).toBe(
      'not-comparable',
    );
    expect(compareWithMaximum({ value: 8, unit: 'mg/h' }, null)).toBe('no-maximum');
  });
});
