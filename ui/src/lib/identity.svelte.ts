// Who works at this machine (name and role): asked on the first run, shown in the header,
// changeable there; the core records it with every audit entry (see `pejling::identity`).

import { api, type Identity } from "./api";

class IdentityState {
  /** `undefined` until loaded; `null` before the first run's question was answered. */
  current = $state<Identity | null | undefined>(undefined);

  async load(): Promise<void> {
    try {
      this.current = await api.getIdentity();
    } catch {
      this.current = null;
    }
  }

  async save(name: string, role: Identity["role"]): Promise<Identity> {
    const saved = await api.setIdentity(name, role);
    this.current = saved;
    return saved;
  }
}

export const identity = new IdentityState();
