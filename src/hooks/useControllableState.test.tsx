// @vitest-environment jsdom
import { act, renderHook } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { useControllableState } from './useControllableState.js';

describe('useControllableState', () => {
  it('owns the value when uncontrolled and reports every change', () => {
    const onValueChange = vi.fn();
    const { result } = renderHook(() => useControllableState({ defaultValue: 1, onValueChange }));
    expect(result.current[0]).toBe(1);
    act(() => result.current[1](2));
    expect(result.current[0]).toBe(2);
    expect(onValueChange).toHaveBeenCalledWith(2);
  });

  it('follows the host when controlled and only asks for changes', () => {
    const onValueChange = vi.fn();
    const { result, rerender } = renderHook(({ value }) => useControllableState({ value, defaultValue: 0, onValueChange }), {
      initialProps: { value: 5 },
    });
    act(() => result.current[1](6));
    // The host has not accepted the change yet: the value stays the host's.
    expect(result.current[0]).toBe(5);
    expect(onValueChange).toHaveBeenCalledWith(6);
    rerender({ value: 6 });
    expect(result.current[0]).toBe(6);
  });

  it('chains updater functions within one event', () => {
    const { result } = renderHook(() => useControllableState({ defaultValue: 0 }));
    act(() => {
      result.current[1]((n) => n + 1);
      result.current[1]((n) => n + 1);
    });
    expect(result.current[0]).toBe(2);
  });

  it('does not report a change to the same value', () => {
    const onValueChange = vi.fn();
    const { result } = renderHook(() => useControllableState({ defaultValue: 'a', onValueChange }));
    act(() => result.current[1]('a'));
    expect(onValueChange).not.toHaveBeenCalled();
  });

  it('keeps a stable setter', () => {
    const { result, rerender } = renderHook(() => useControllableState({ defaultValue: 0 }));
    const first = result.current[1];
    rerender();
    expect(result.current[1]).toBe(first);
  });
});
