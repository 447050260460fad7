import { anOrder } from '../../testing/factories';
import { currentOrderSentence, readBack, valueWithUnit } from './order-words';

describe('an order in words', () => {
  const now = Date.parse('2025-07-01T09:00:00Z');

  it('shows each value exactly as stored, with its unit, never rounded or converted', () => {
    expect(valueWithUnit({ value: 0.0001, unit: 'mg/kg/h' })).toBe('0.0001 mg/kg/h');
    expect(valueWithUnit({ value: 1.2345, unit: 'mcg/kg/min' })).toBe('1.2345 mcg/kg/min');
    expect(valueWithUnit({ value: 10000, unit: 'mL/h' })).toBe('10000 mL/h');
    expect(valueWithUnit({ value: 8, unit: 'mg/h' })).toBe('8 mg/h');
  });

  it('writes subcutaneous in full and gives the day when the order is not from today', () => {
    const order = anOrder({
      drug: 'lidocaine',
      route: 'subcutaneous',
      concentration: { value: 10, unit: 'mg/mL' },
      rate: { value: 1, unit: 'mL/h' },
      effectiveFrom: '2025-06-30T13:00:00Z',
    });
    expect(currentOrderSentence(order, 'Europe/London', now)).toBe(
      'Lidocaine 10 mg/mL at 1 mL/h subcutaneous, since 30 Jun, 14:00',
    );
  });

  it('says when an order has no maximum, and only the parts the prescriber wrote', () => {
    expect(
      readBack(
        {
          drug: 'Ketamine',
          route: 'intravenous',
          concentration: { value: 2, unit: 'mg/mL' },
          rate: { value: 0.15, unit: 'mg/kg/h' },
          effectiveFrom: '2025-07-01T08:00:00Z',
          reason: 'Starting dose',
        },
        'Europe/London',
        now,
      ),
    ).toEqual([
      'Ketamine 2 mg/mL IV at 0.15 mg/kg/h from 09:00 (ward time). No maximum rate.',
      'Reason: Starting dose',
    ]);
  });
});
