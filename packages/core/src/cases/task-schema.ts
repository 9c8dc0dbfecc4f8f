import { z } from 'zod';
import { plainText } from '../text/text-schema.ts';

export const taskStatuses = ['todo', 'in_progress', 'done', 'cancelled'] as const;
export const TaskStatus = z.enum(taskStatuses);
export type TaskStatus = z.infer<typeof TaskStatus>;

const taskFields = {
  title: plainText().min(1, 'Give the task a title').max(200),
  description: plainText().max(5_000).optional(),
  assigneeId: z.uuid().nullable(),
  dueDate: z.iso.date().nullable(),
  status: TaskStatus,
};

export const TaskInput = z.strictObject({
  ...taskFields,
  assigneeId: taskFields.assigneeId.default(null),
  dueDate: taskFields.dueDate.default(null),
  status: TaskStatus.default('todo'),
});
export type TaskInput = z.infer<typeof TaskInput>;

export const TaskPatch = z
  .strictObject({
    title: taskFields.title.optional(),
    description: taskFields.description,
    assigneeId: taskFields.assigneeId.optional(),
    dueDate: taskFields.dueDate.optional(),
    status: TaskStatus.optional(),
  })
  .refine((patch) => Object.keys(patch).length > 0, { message: 'Change at least one field' });
export type TaskPatch = z.infer<typeof TaskPatch>;

export const Task = z.object({
  ...taskFields,
  id: z.uuid(),
  caseId: z.uuid(),
  createdBy: z.uuid(),
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
  completedAt: z.iso.datetime({ offset: true }).nullable(),
  version: z.int().positive(),
});
export type Task = z.infer<typeof Task>;
