import { z } from 'zod';

export const roles = [
  'administrator',
  'commander',
  'investigator',
  'analyst',
  'liaison_officer',
  'consular_officer',
  'forensic_examiner',
  'auditor',
] as const;
export const Role = z.enum(roles);
export type Role = z.infer<typeof Role>;
