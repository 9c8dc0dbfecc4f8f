import { z } from 'zod';

/**
 * Response schemas for answers that carry no JSON, declared honestly so the OpenAPI document says what a
 * client gets. Every `/api` route declares its success responses (the server refuses a route otherwise).
 */

/** A 204: no body at all (documented without content). */
export const NoContent = z.undefined().meta({ type: 'null', description: 'No content' });

/** Bytes, not JSON: the serializer never sees a Buffer or a stream, so this only documents the body. */
export const Binary = z.any().meta({ type: 'string', format: 'binary' });

/** A file answer: its description and the media types it may have (e.g. `application/pdf`, `image/*`). */
export function binaryResponse(description: string, mediaTypes: readonly string[]) {
  return {
    description,
    content: Object.fromEntries(mediaTypes.map((type) => [type, { schema: Binary }])),
  };
}

/** The text of a server-sent event stream: `event:`/`data:` lines, never serialized by the server. */
export const EventStreamText = z.string();

/** A server-sent event stream (`text/event-stream`); the description names the events and their data. */
export function eventStreamResponse(description: string) {
  return { description, content: { 'text/event-stream': { schema: EventStreamText } } };
}
