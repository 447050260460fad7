import { RecentHints } from './recent-hints.js';

describe('RecentHints', () => {
  it('forgets one entry, or every entry a test picks', () => {
    const hints = new RecentHints<{ user: string }>(10);
    hints.remember('t1', { user: 'a' });
    hints.remember('t2', { user: 'a' });
    hints.remember('t3', { user: 'b' });
    hints.forget('t3');
    expect(hints.get('t3')).toBeUndefined();
    hints.remember('t3', { user: 'b' });
    hints.forgetWhere((value) => value.user === 'a');
    expect(hints.size).toBe(1);
    expect(hints.get('t3')).toEqual({ user: 'b' });
  });
});
