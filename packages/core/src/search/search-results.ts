import { z } from 'zod';

/** One search box over the graph and the cases: entities by identifier or by name, cases by number or title. */
export const SearchResults = z.object({
  query: z.string(),
  /** The identifier kinds the query was read as (a phone number, a wallet…). */
  identifierReadings: z.array(z.string()),
  entities: z.array(
    z.object({
      id: z.string(),
      type: z.string(),
      caption: z.string(),
      ownerAgency: z.string(),
      createdAt: z.string(),
      match: z.object({ kind: z.enum(['identifier', 'name']), detail: z.string() }),
    }),
  ),
  cases: z.array(
    z.object({
      id: z.string(),
      number: z.string(),
      title: z.string(),
      status: z.string(),
      ownerAgency: z.string(),
      createdAt: z.string(),
    }),
  ),
});
export type SearchResults = z.infer<typeof SearchResults>;
