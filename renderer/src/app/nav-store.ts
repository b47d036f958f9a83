/**
 * Which view the app shows. A store rather than App's local state so a phone card can open the
 * doctor for its phone.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';

export const VIEWS = ['phones', 'doctor', 'install', 'runs', 'matrix'] as const;
export type View = (typeof VIEWS)[number];

export interface NavState {
  readonly view: View;
  show(view: View): void;
}

export type NavStore = StoreApi<NavState>;

/** Creates the navigation store, starting on the phone board. */
export function createNavStore(initial: View = 'phones'): NavStore {
  return createStore<NavState>()((set) => ({
    view: initial,
    show(view) {
      set({ view });
    },
  }));
}
