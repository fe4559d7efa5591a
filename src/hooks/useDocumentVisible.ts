import { useSyncExternalStore } from 'react';

const subscribe = (listener: () => void) => {
  // `visibilitychange` fires at the document and bubbles to the window.
  window.addEventListener('visibilitychange', listener);
  return () => window.removeEventListener('visibilitychange', listener);
};
const isVisible = () => document.visibilityState !== 'hidden';
const onServer = () => true;

/** True while the page is shown (false in a background tab); true on the server. */
export function useDocumentVisible(): boolean {
  return useSyncExternalStore(subscribe, isVisible, onServer);
}
