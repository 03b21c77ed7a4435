import { describe, expect, it } from 'vitest';
import { FiguresCache } from '../../src/dashboard/figures-cache.js';

const refreshErrors: unknown[] = [];
const noteError = (err: unknown) => refreshErrors.push(err);

describe('FiguresCache (stale-while-revalidate for visit aggregates)', () => {
  it('serves fresh figures, serves stale ones while one refresh runs, and waits when too old', async () => {
    let t = 0;
    let calls = 0;
    const cache = new FiguresCache(noteError, () => t, 1000, 10_000);
    const compute = async () => ++calls;
    expect(await cache.get('k', compute)).toBe(1);
    t = 500;
    expect(await cache.get('k', compute)).toBe(1);
    expect(calls).toBe(1);
    t = 1500; // stale: the old value at once, one refresh behind it
    expect(await Promise.all([cache.get('k', compute), cache.get('k', compute)])).toEqual([1, 1]);
    await new Promise((r) => setTimeout(r, 10));
    expect(calls).toBe(2);
    expect(await cache.get('k', compute)).toBe(2);
    t = 50_000; // too old: the caller waits for new figures
    expect(await cache.get('k', compute)).toBe(3);
  });

  it('shares one query between concurrent cold callers and keeps keys apart', async () => {
    let calls = 0;
    const cache = new FiguresCache(noteError, () => 0, 1000, 10_000);
    const slow = () => new Promise<number>((r) => setTimeout(() => r(++calls), 20));
    expect(await Promise.all([cache.get('a', slow), cache.get('a', slow)])).toEqual([1, 1]);
    expect(await cache.get('b', slow)).toBe(2);
  });

  it('lets a failed cold query fail the request and tries again next time', async () => {
    const cache = new FiguresCache(noteError, () => 0, 1000, 10_000);
    await expect(cache.get('x', () => Promise.reject(new Error('db down')))).rejects.toThrow('db down');
    expect(await cache.get('x', async () => 7)).toBe(7);
  });

  it('keeps the stale figures when a background refresh fails, and reports the failure', async () => {
    let t = 0;
    const cache = new FiguresCache(noteError, () => t, 1000, 10_000);
    expect(await cache.get('y', async () => 5)).toBe(5);
    t = 2000;
    const before = refreshErrors.length;
    expect(await cache.get('y', () => Promise.reject(new Error('db slow')))).toBe(5);
    await new Promise((r) => setTimeout(r, 10));
    expect(refreshErrors.length).toBe(before + 1);
    // Still stale: served at once while the next refresh runs.
    expect(await cache.get('y', async () => 6)).toBe(5);
    await new Promise((r) => setTimeout(r, 10));
    expect(await cache.get('y', async () => 7)).toBe(6);
  });
});
