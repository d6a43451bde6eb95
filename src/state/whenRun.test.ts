/** whenRun: the start-up's one way of waiting on the run store, with a limit. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useRun, whenRun } from './run';

const initial = useRun.getState();
beforeEach(() => {
  useRun.setState(initial, true);
  vi.useFakeTimers();
});
afterEach(() => vi.useRealTimers());

describe('whenRun', () => {
  it('calls at once when the store is already ready', () => {
    useRun.setState({ settled: true });
    const then = vi.fn();
    whenRun((r) => r.settled, 1000, then);
    expect(then).toHaveBeenCalledExactlyOnceWith('ready');
  });

  it('calls once, when the store becomes ready, and not again at the limit', () => {
    const then = vi.fn();
    whenRun((r) => r.settled, 1000, then);
    useRun.setState({ filled: 3 });
    expect(then).not.toHaveBeenCalled();
    useRun.setState({ settled: true });
    useRun.setState({ filled: 4 });
    vi.advanceTimersByTime(2000);
    expect(then).toHaveBeenCalledExactlyOnceWith('ready');
  });

  it('calls at the limit when the store never becomes ready, and not again after', () => {
    const then = vi.fn();
    whenRun((r) => r.settled, 1000, then);
    vi.advanceTimersByTime(999);
    expect(then).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(then).toHaveBeenCalledExactlyOnceWith('time limit');
    useRun.setState({ settled: true });
    expect(then).toHaveBeenCalledOnce();
  });

  it('never calls once stopped', () => {
    const then = vi.fn();
    const stop = whenRun((r) => r.settled, 1000, then);
    stop();
    useRun.setState({ settled: true });
    vi.advanceTimersByTime(2000);
    expect(then).not.toHaveBeenCalled();
  });
});
