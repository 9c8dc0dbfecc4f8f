/**
 * Live events for users (hits, messages, alerts, status changes). A driver decides how far they travel:
 * in-process for one server, PostgreSQL LISTEN/NOTIFY when several processes of a node share one database.
 */
export interface LiveEvent {
  /** e.g. `hit.raised`, `exchange.message`, `rescue.alert`. */
  type: string;
  /** Which users may receive it: by user id, by agency code, or by permission. */
  audience: { userIds?: string[]; agencyCodes?: string[]; permission?: string };
  /** Only what the audience may see; never personal data in the notification text. */
  payload: Record<string, unknown>;
}

export type LiveEventListener = (event: LiveEvent) => void;

export interface EventBus {
  publish(event: LiveEvent): Promise<void>;
  subscribe(listener: LiveEventListener): () => void;
  close(): Promise<void>;
}
