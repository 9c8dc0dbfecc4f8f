import type { Language } from '@liaison/core';

/** A tree of message strings; English is the source every other language must match key for key. */
export type Messages = { [key: string]: string | Messages };

/** The same keys as `T`, any strings: TypeScript fails the build when a translation misses a key. */
export type Translation<T> = { [K in keyof T]: T[K] extends string ? string : Translation<T[K]> };

export type Catalogue<T extends Messages> = { [L in Language]: L extends 'en' ? T : Translation<T> };

/**
 * A feature's messages in every language. Each feature folder exports one of these as `messages` from
 * its own `i18n.ts`; the folder name becomes the i18next namespace (`features/admin/i18n.ts` → `admin:`).
 */
export function defineMessages<T extends Messages>(catalogue: Catalogue<T>): Catalogue<T> {
  return catalogue;
}
