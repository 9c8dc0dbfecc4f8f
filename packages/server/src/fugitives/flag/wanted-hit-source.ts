import { seenFlagKeys } from '@liaison/core/fugitives/flag-keys';
import { matchWanted, type SeenPerson } from '@liaison/core/fugitives/flag-match';
import type { HitSource } from '../../exchange/hits.ts';
import { candidatesByKeys, syncWantedIndex } from './wanted-index.ts';

/**
 * The partner's hit/no-hit query against our wanted persons (exchange/hits.ts): a name with a birth date
 * (`name_birth_date`, 'name|YYYY-MM-DD'), or a passport, answers hit when the flag would flag such a person. The
 * asker learns hit or no hit and a reference, never who; the list is never handed over. The asker's outbound
 * rules (policy/decide.ts, action hit_query) apply before the question leaves, as for every hit query.
 */
export const wantedPersonsHold: HitSource = async (app, identifier) => {
  let seen: SeenPerson | null = null;
  if (identifier.kind === 'name_birth_date') {
    const cut = identifier.value.lastIndexOf('|');
    if (cut > 0)
      seen = { names: [identifier.value.slice(0, cut)], birthDate: identifier.value.slice(cut + 1) };
  } else if (identifier.kind === 'passport') {
    seen = { names: [], passportNumbers: [identifier.value] };
  }
  if (!seen) return false;
  await syncWantedIndex(app.db);
  const candidates = await candidatesByKeys(app.db, seenFlagKeys(seen));
  return candidates.some((wanted) => matchWanted(seen, wanted) !== null);
};
