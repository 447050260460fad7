import { AnswerCache } from './answer-cache.js';

describe('AnswerCache', () => {
  it('answers again at the same version without making the answer', async () => {
    const cache = new AnswerCache<number>();
    let made = 0;
    const make = async () => ++made;
    expect(await cache.get('q', 'v1', make)).toBe(1);
    expect(await cache.get('q', 'v1', make)).toBe(1);
    expect(made).toBe(1);
  });

  it('makes the answer again when the version changed, and keeps questions apart', async () => {
    const cache = new AnswerCache<string>();
    expect(await cache.get('q', 'v1', async () => 'old')).toBe('old');
    expect(await cache.get('q', 'v2', async () => 'new')).toBe('new');
    expect(await cache.get('other', 'v2', async () => 'other')).toBe('other');
    expect(await cache.get('q', 'v2', async () => 'unused')).toBe('new');
  });

  it('forgets the oldest question beyond its capacity', async () => {
    const cache = new AnswerCache<string>(2);
    await cache.get('a', 'v', async () => 'a');
    await cache.get('b', 'v', async () => 'b');
    await cache.get('c', 'v', async () => 'c');
    expect(await cache.get('a', 'v', async () => 'a again')).toBe('a again');
    expect(await cache.get('c', 'v', async () => 'unused')).toBe('c');
  });

  it('keeps nothing when making the answer fails', async () => {
    const cache = new AnswerCache<string>();
    await expect(cache.get('q', 'v', async () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(await cache.get('q', 'v', async () => 'made')).toBe('made');
  });
});
