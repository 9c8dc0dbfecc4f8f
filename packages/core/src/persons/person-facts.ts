// What two records say about a person, as far as matching needs it. Identifiers arrive already
// canonical from the identifier normalisers: passports 'KR:M12345678', phones E.164.
import { z } from 'zod';

export const personFactsSchema = z.object({
  /** Every name the person is known by, in any script: 이영수, LEE YOUNGSOO, an alias. */
  names: z.array(z.string()),
  /** Full date or year only. */
  birthDate: z
    .string()
    .regex(/^\d{4}(-\d{2}-\d{2})?$/)
    .optional(),
  sex: z.enum(['M', 'F', 'X']).optional(),
  /** ISO 3166-1 alpha-2. */
  nationalities: z.array(z.string().length(2)).optional(),
  /** 'KR:M12345678': issuing country, colon, number. */
  passports: z.array(z.string()).optional(),
  /** E.164: '+821012345678'. */
  phones: z.array(z.string()).optional(),
  /** Any other identifier, compared for equality only (national ID, messenger handle…). */
  otherIdentifiers: z.array(z.string()).optional(),
});

export type PersonFacts = z.infer<typeof personFactsSchema>;
