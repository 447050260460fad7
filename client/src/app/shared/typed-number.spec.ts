import { FormControl } from '@angular/forms';
import { typedNumber, typedValue } from './typed-number';

describe('typed numbers', () => {
  const rate = typedNumber({ places: 4, min: 0, max: 10000, aboveMin: true });
  const errors = (text: string) => rate(new FormControl(text));

  it('accepts a plain decimal with up to the allowed places, and an empty field', () => {
    expect(errors('0.15')).toBeNull();
    expect(errors('2')).toBeNull();
    expect(errors('0.0001')).toBeNull();
    expect(errors('')).toBeNull();
  });

  it('refuses what is not a plain decimal: a leading point, a comma, an exponent, a sign, words', () => {
    for (const text of ['.5', '1,5', '1e3', '-1', '+1', 'NaN', 'Infinity', '0x10', '1.']) {
      expect(errors(text)).toEqual({ number: true });
    }
  });

  it('refuses more decimals than allowed, and values out of range', () => {
    expect(errors('0.12345')).toEqual({ places: true });
    expect(errors('0')).toEqual({ range: true });
    expect(errors('10000.5')).toEqual({ range: true });
  });

  it('sends exactly the number typed', () => {
    expect(typedValue(' 0.15 ')).toBe(0.15);
    expect(typedValue('0.1000')).toBe(0.1);
    expect(typedValue('')).toBeUndefined();
  });
});
