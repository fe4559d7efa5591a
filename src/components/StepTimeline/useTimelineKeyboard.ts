/**
 * Keyboard navigation of the timeline tree (WAI-ARIA tree pattern) that stays correct under virtualization:
 * focus is tracked by row key, the target row is scrolled into the rendered window first, and focused once
 * it is mounted. Up/Down move, Home/End jump, Right expands or enters, Left collapses or goes to the parent,
 * Enter/Space toggle.
 */
import { useCallback, useInsertionEffect, useLayoutEffect, useRef, type KeyboardEvent, type RefObject } from 'react';
import { isTimelineItem as isItem, type TimelineRow } from '../../core/timelineRows.js';

export interface TimelineKeyboardOptions {
  rows: readonly TimelineRow[];
  activeKey: string | null;
  setActiveKey: (key: string) => void;
  listRef: RefObject<HTMLElement | null>;
  scrollToIndex: (index: number) => void;
  isExpanded: (row: TimelineRow) => boolean;
  canExpand: (row: TimelineRow) => boolean;
  setExpanded: (row: TimelineRow, expanded: boolean) => void;
  /** Enter/Space: toggles and selects. */
  activate: (row: TimelineRow) => void;
}


export function useTimelineKeyboard(options: TimelineKeyboardOptions) {
  // The latest options for the handlers below, which keep a stable identity.
  const opts = useRef(options);
  useInsertionEffect(() => {
    opts.current = options;
  });
  const pendingFocus = useRef<string | null>(null);

  // After each render, focus the row the keyboard moved to as soon as the virtualizer has mounted it.
  useLayoutEffect(() => {
    const key = pendingFocus.current;
    if (!key) return;
    const el = findRow(options.listRef.current, key);
    if (el) {
      pendingFocus.current = null;
      el.focus({ preventScroll: true });
    }
  });

  const focusRow = useCallback((index: number) => {
    const { rows, setActiveKey, scrollToIndex, listRef } = opts.current;
    const row = rows[index];
    if (!isItem(row)) return;
    setActiveKey(row.key);
    scrollToIndex(index);
    const el = findRow(listRef.current, row.key);
    if (el) el.focus({ preventScroll: true });
    else pendingFocus.current = row.key;
  }, []);

  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLElement>) => {
      const target = event.target as HTMLElement;
      // Only keys pressed on a timeline item: buttons and JSON trees inside a step keep their own keys.
      const key = target.getAttribute('data-rv-item');
      if (key === null) return;
      const { rows, isExpanded, canExpand, setExpanded, activate } = opts.current;
      const index = rows.findIndex((r) => r.key === key);
      const row = rows[index];
      if (!isItem(row)) return;
      const step = (from: number, dir: 1 | -1) => {
        for (let i = from + dir; i >= 0 && i < rows.length; i += dir) if (isItem(rows[i])) return i;
        return -1;
      };
      let handled = true;
      switch (event.key) {
        case 'ArrowDown': {
          const next = step(index, 1);
          if (next >= 0) focusRow(next);
          break;
        }
        case 'ArrowUp': {
          const prev = step(index, -1);
          if (prev >= 0) focusRow(prev);
          break;
        }
        case 'Home':
          focusRow(step(-1, 1));
          break;
        case 'End':
          focusRow(step(rows.length, -1));
          break;
        case 'ArrowRight':
          if (canExpand(row) && !isExpanded(row)) setExpanded(row, true);
          else {
            const next = step(index, 1);
            if (next >= 0 && rows[next]!.level > row.level) focusRow(next);
          }
          break;
        case 'ArrowLeft':
          if (canExpand(row) && isExpanded(row)) setExpanded(row, false);
          else {
            for (let i = index - 1; i >= 0; i--) {
              const r = rows[i];
              if (isItem(r) && r.level < row.level) {
                focusRow(i);
                break;
              }
            }
          }
          break;
        case 'Enter':
        case ' ':
          activate(row);
          break;
        default:
          handled = false;
      }
      if (handled) event.preventDefault();
    },
    [focusRow],
  );

  return { onKeyDown, focusRow };
}

function findRow(list: HTMLElement | null, key: string): HTMLElement | null {
  if (!list) return null;
  for (const el of list.querySelectorAll<HTMLElement>('[data-rv-item]')) {
    if (el.getAttribute('data-rv-item') === key) return el;
  }
  return null;
}
