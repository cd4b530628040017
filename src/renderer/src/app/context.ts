import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { Action, ActionId } from '../actions/actions';
import type { UiState } from '../state/store';
import type { Session } from './session';

export interface Services {
  session: Session;
  actions: readonly Action[];
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

export function useAction(id: ActionId): { action: Action; enabled: boolean } {
  const { actions } = useServices();
  const action = actions.find((a) => a.id === id);
  if (!action) throw new Error(`No action ${id}`);
  const enabled = useUi(action.isEnabled);
  return { action, enabled };
}
