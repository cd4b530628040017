import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import { findAction, type Action, type ActionId } from '../actions/registry';
import type { UiState } from '../state/store';
import type { Session } from './session';

export interface Services {
  session: Session;
}

export const ServicesContext = createContext<Services | null>(null);

export function useServices(): Services {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('useServices needs a ServicesContext provider');
  return services;
}

/** Subscribes a component to one slice of the UI store. */
export function useUi<T>(selector: (state: UiState) => T): T {
  return useStore(useServices().session.store, selector);
}

/** A registered action, whether it can run now, and running it. */
export function useAction(id: ActionId): { action: Action; enabled: boolean; perform(): void } {
  const { session } = useServices();
  const action = findAction(id);
  const enabled = useUi(action.isEnabled);
  return { action, enabled, perform: () => action.perform(session) };
}
