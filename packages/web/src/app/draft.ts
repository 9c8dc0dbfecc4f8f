import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * Form state that survives a reload or a failed save: kept in sessionStorage under `key` until `clear()`
 * (call it after a successful save). Never use it for secrets such as passwords.
 */
export function useDraft<T extends object>(
  key: string,
  initial: T,
): [T, (patch: Partial<T>) => void, (next?: T) => void] {
  const storageKey = `liaison.draft.${key}`;
  const initialRef = useRef(initial);
  const [value, setValue] = useState<T>(() => {
    try {
      const saved = sessionStorage.getItem(storageKey);
      return saved ? { ...initial, ...(JSON.parse(saved) as Partial<T>) } : initial;
    } catch {
      return initial;
    }
  });

  // Only what the person changed is a draft: merely opening a form stores nothing.
  useEffect(() => {
    if (value !== initialRef.current) sessionStorage.setItem(storageKey, JSON.stringify(value));
  }, [storageKey, value]);

  const update = useCallback((patch: Partial<T>) => setValue((current) => ({ ...current, ...patch })), []);
  /** Drops the draft; the form starts again from `next` (e.g. what the server saved) or the initial value. */
  const clear = useCallback(
    (next?: T) => {
      sessionStorage.removeItem(storageKey);
      if (next) initialRef.current = next;
      setValue(initialRef.current);
    },
    [storageKey],
  );
  return [value, update, clear];
}
