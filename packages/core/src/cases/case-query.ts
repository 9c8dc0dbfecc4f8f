import { z } from 'zod';
import { AgencyCode } from '../accounts/schemas.ts';
import { plainText } from '../text/text-schema.ts';
import { CrimeTypeCode, Priority } from './case-schema.ts';
import { CaseStatus } from './case-status.ts';

/** Query strings carry lists either repeated (`?status=a&status=b`) or comma-separated (`?status=a,b`). */
function listParam<T extends z.ZodType>(item: T) {
  return z.preprocess(
    (value) => (typeof value === 'string' ? value.split(',').filter((part) => part !== '') : value),
    z.array(item).min(1).max(10),
  );
}

const dateOrDateTime = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);

export const caseSortFields = ['createdAt', 'updatedAt', 'priority', 'number', 'title'] as const;
export const CaseSortField = z.enum(caseSortFields);
export const SortDirection = z.enum(['asc', 'desc']);

export const defaultCasePageSize = 50;
export const maxCasePageSize = 200;

/** Filters, sort and cursor pagination of the case list. `cursor` is opaque: the server issues it. */
export const CaseListQuery = z
  .strictObject({
    status: listParam(CaseStatus).optional(),
    crimeType: CrimeTypeCode.optional(),
    priority: Priority.optional(),
    agency: AgencyCode.optional(),
    assignee: z.uuid().optional(),
    q: plainText().min(1).max(200).optional(),
    createdFrom: dateOrDateTime.optional(),
    createdTo: dateOrDateTime.optional(),
    sort: CaseSortField.default('updatedAt'),
    direction: SortDirection.default('desc'),
    cursor: z.string().min(1).max(512).optional(),
    limit: z.coerce.number().int().min(1).max(maxCasePageSize).default(defaultCasePageSize),
  })
  .refine((q) => !q.createdFrom || !q.createdTo || Date.parse(q.createdFrom) <= Date.parse(q.createdTo), {
    message: 'createdFrom must not be after createdTo',
    path: ['createdTo'],
  });
export type CaseListQuery = z.infer<typeof CaseListQuery>;
