import { type Language, languages, type Role, roles, timeZones } from '@liaison/core';

export type { Language, Role };
export { languages, roles, timeZones };
export type TimeZone = (typeof timeZones)[number];
