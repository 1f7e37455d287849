// @vitest-environment happy-dom
/** A long list draws its first screen at once and the rest a step per task, then says it is complete. */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useProgressiveCount } from '../../../../src/ui/components/progressive-count';

function List({ items, done }: { items: number[]; done: () => void }) {
  const shown = useProgressiveCount(items, items.length, 3, 4, done);
  return (
    <ul>
      {items.slice(0, shown).map((i) => (
        <li key={i}>{i}</li>
      ))}
    </ul>
  );
}

const count = (root: HTMLElement) => root.querySelectorAll('li').length;

describe('useProgressiveCount', () => {
  let root: HTMLElement;
  beforeEach(() => {
    vi.useFakeTimers();
    root = document.createElement('div');
  });
  afterEach(() => vi.useRealTimers());

  it('draws the first screen at once, then a step per task until every item is drawn', () => {
    const done = vi.fn();
    const items = Array.from({ length: 10 }, (_, i) => i);
    act(() => render(<List items={items} done={done} />, root));
    expect(count(root)).toBe(3);
    expect(done).not.toHaveBeenCalled();
    act(() => void vi.advanceTimersToNextTimer());
    expect(count(root)).toBe(7);
    act(() => void vi.advanceTimersToNextTimer());
    expect(count(root)).toBe(10);
    act(() => void vi.runAllTimers());
    expect(done).toHaveBeenCalledTimes(1);
  });

  it('starts over with a new list, and a short list is complete at once', () => {
    const done = vi.fn();
    act(() => render(<List items={Array.from({ length: 10 }, (_, i) => i)} done={done} />, root));
    act(() => void vi.advanceTimersToNextTimer());
    expect(count(root)).toBe(7);
    act(() => render(<List items={[1, 2]} done={done} />, root));
    expect(count(root)).toBe(2);
    act(() => void vi.runAllTimers());
    expect(done).toHaveBeenCalled();
    act(() => render(<List items={Array.from({ length: 8 }, (_, i) => i + 100)} done={done} />, root));
    expect(count(root)).toBe(3);
  });
});
