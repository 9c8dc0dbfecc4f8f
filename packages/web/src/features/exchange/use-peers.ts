import { useResource } from '../../app/use-resource.ts';
import { exchangeApi } from './exchange-api.ts';

/** This node's partner nodes (GET /api/v1/peers), for peer filters and the recipient of a new message. */
export function usePeers() {
  return useResource(() => exchangeApi.peers(), []);
}
