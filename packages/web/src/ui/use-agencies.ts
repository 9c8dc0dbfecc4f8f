import { accountsApi } from '../app/accounts-api.ts';
import { useResource } from '../app/use-resource.ts';

/** Every agency of the node (readable by any signed-in user). */
export function useAgencies() {
  return useResource(() => accountsApi.agencies(), []);
}

export function useUnits(agencyId: string | undefined) {
  return useResource(() => (agencyId ? accountsApi.units(agencyId) : Promise.resolve([])), [agencyId]);
}
