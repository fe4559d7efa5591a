import { useCallback, useInsertionEffect, useRef } from 'react';

/**
 * A function with a stable identity that calls the latest `callback` (or nothing when it is undefined).
 * For event handlers a host passes inline: parts that receive it do not re-render when the host does.
 * Call it from events and effects, never during render.
 */
export function useStableCallback<A extends unknown[], R>(callback: ((...args: A) => R) | undefined): (...args: A) => R | undefined {
  const latest = useRef(callback);
  // After render, before any layout effect or event can call it.
  useInsertionEffect(() => {
    latest.current = callback;
  });
  return useCallback((...args: A) => latest.current?.(...args), []);
}
