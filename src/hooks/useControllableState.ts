import { useCallback, useInsertionEffect, useRef, useState } from 'react';

/** Props of one controllable piece of state: pass `value` to own it, or `defaultValue` to let the hook own it. */
export interface ControllableStateParams<T> {
  /** The controlled value; `undefined` leaves the state uncontrolled. Defaults to `undefined`. */
  value?: T | undefined;
  /** Initial value when uncontrolled. */
  defaultValue: T;
  /** Called with every new value, controlled or not. Defaults to no callback. */
  onValueChange?: ((value: T) => void) | undefined;
}

export type SetStateAction<T> = T | ((previous: T) => T);

/**
 * State the host app can own (`value` + `onValueChange`) or leave to the hook (`defaultValue`).
 * Updater functions see the latest value even when several updates happen before the next render.
 */
export function useControllableState<T>({
  value,
  defaultValue,
  onValueChange,
}: ControllableStateParams<T>): [T, (next: SetStateAction<T>) => void] {
  const [inner, setInner] = useState<T>(defaultValue);
  const controlled = value !== undefined;
  const current = controlled ? value : inner;

  // Refs so the setter stays stable and chained updaters see each other's results. They take each render's
  // values in an insertion effect: after render (render stays pure), before any layout effect or event can
  // call the setter.
  const latest = useRef(current);
  const onChange = useRef(onValueChange);
  const isControlled = useRef(controlled);
  useInsertionEffect(() => {
    latest.current = current;
    onChange.current = onValueChange;
    isControlled.current = controlled;
  });

  const setValue = useCallback((next: SetStateAction<T>) => {
    const resolved = typeof next === 'function' ? (next as (previous: T) => T)(latest.current) : next;
    if (Object.is(resolved, latest.current)) return;
    latest.current = resolved;
    if (!isControlled.current) setInner(resolved);
    onChange.current?.(resolved);
  }, []);

  return [current, setValue];
}
