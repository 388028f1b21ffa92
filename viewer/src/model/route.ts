/**
 * Each view has its address (#today, #compare, …), so Today can be opened,
 * bookmarked and reloaded as a screen of its own: the hash sets the view on
 * load and when it changes, and follows the view when the tabs change it.
 */
import { useEffect } from 'react';
import { useView, type ViewMode } from '../store/view.js';
import { setMode } from './mode.js';

const MODES: readonly ViewMode[] = ['run', 'cases', 'compare', 'today'];

function modeOfHash(): ViewMode | null {
  const m = window.location.hash.replace(/^#\/?/, '');
  return (MODES as readonly string[]).includes(m) ? (m as ViewMode) : null;
}

export function useHashRoute(): void {
  useEffect(() => {
    const follow = (): void => {
      const m = modeOfHash();
      if (m && m !== useView.getState().mode) setMode(m);
    };
    follow();
    window.addEventListener('hashchange', follow);
    const unsubscribe = useView.subscribe((s, before) => {
      if (s.mode === before.mode) return;
      const hash = s.mode === 'run' ? '' : `#${s.mode}`;
      if (window.location.hash !== hash) window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}${hash}`);
    });
    return () => {
      window.removeEventListener('hashchange', follow);
      unsubscribe();
    };
  }, []);
}
