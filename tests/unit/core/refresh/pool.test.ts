import { describe, expect, it } from 'vitest';
import { runPooled } from '../../../../src/core/refresh/index';

const tick = () => new Promise((resolve) => setTimeout(resolve, 2));

describe('runPooled', () => {
  it('runs every item once, at most `concurrency` at once and `perKey` per key', async () => {
    const items = Array.from({ length: 30 }, (_, i) => ({ id: i, host: i < 20 ? 'big.example' : `small${i}.example` }));
    const ran: number[] = [];
    let active = 0;
    let maxActive = 0;
    const perHost = new Map<string, number>();
    let maxPerHost = 0;
    await runPooled(
      items,
      (item) => item.host,
      { concurrency: 5, perKey: 2 },
      async (item) => {
        active++;
        perHost.set(item.host, (perHost.get(item.host) ?? 0) + 1);
        maxActive = Math.max(maxActive, active);
        maxPerHost = Math.max(maxPerHost, perHost.get(item.host)!);
        await tick();
        active--;
        perHost.set(item.host, perHost.get(item.host)! - 1);
        ran.push(item.id);
      },
    );
    expect([...ran].sort((a, b) => a - b)).toEqual(items.map((i) => i.id));
    expect(maxActive).toBe(5);
    expect(maxPerHost).toBe(2);
  });

  it('lets other hosts through while one host has many items waiting', async () => {
    const items = [...Array.from({ length: 10 }, (_, i) => ({ id: `big-${i}`, host: 'big' })), { id: 'small', host: 'small' }];
    const started: string[] = [];
    await runPooled(
      items,
      (item) => item.host,
      { concurrency: 3, perKey: 1 },
      async (item) => {
        started.push(item.id);
        await tick();
      },
    );
    // The small host's only feed starts with the first wave, not after the big host's ten.
    expect(started.indexOf('small')).toBeLessThan(2);
  });

  it('finishes when a task rejects, and starts nothing more once stopped', async () => {
    let started = 0;
    await runPooled(
      [1, 2, 3, 4, 5, 6],
      () => 'one',
      { concurrency: 1, perKey: 1 },
      async (n) => {
        started++;
        if (n === 1) throw new Error('boom');
      },
      () => started >= 3,
    );
    expect(started).toBe(3);
    await expect(
      runPooled(
        [],
        () => 'x',
        { concurrency: 2, perKey: 1 },
        async () => undefined,
      ),
    ).resolves.toBeUndefined();
  });
});
