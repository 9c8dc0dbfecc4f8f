import { isMatchReasonCode, type MatchReasonCode } from '@liaison/core/persons/reason-codes';

/** One reason of a person match (core MatchReasonView): its stable code and params, and the English text. */
interface Reason {
  code: string;
  text: string;
  params?: Record<string, string>;
}

type Translate = (key: string, options?: Record<string, unknown>) => string;

/**
 * A match reason in the reader's language, from its code and params (graph:matchReasons.<code>); a code this web
 * does not know yet (a newer server) is shown in the server's English rather than not at all.
 */
export function matchReasonText(t: Translate, reason: Reason): string {
  if (!isMatchReasonCode(reason.code)) return reason.text;
  const params: Record<string, unknown> = { ...reason.params };
  // i18next chooses a plural form by a number.
  if (reason.code === 'namesakes') params.count = Number(reason.params?.count ?? 0);
  return t(`matchReasons.${reason.code satisfies MatchReasonCode}`, params);
}
