import type { Task } from '@liaison/core/cases/index';
import { taskStatuses } from '@liaison/core/cases/index';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/session.tsx';
import { Badge } from '../../ui/Badge.tsx';
import { Field } from '../../ui/Field.tsx';
import { EmptyState, Panel } from '../../ui/Panel.tsx';
import { ProblemNotice } from '../../ui/ProblemNotice.tsx';
import { casesApi } from './cases-api.ts';

interface PartProps {
  caseId: string;
  tasks: Task[];
  onChanged: () => void;
}

function isOverdue(task: Task, today: string): boolean {
  return (
    task.dueDate !== null && task.dueDate < today && (task.status === 'todo' || task.status === 'in_progress')
  );
}

export function CaseTasks({ caseId, tasks, onChanged }: PartProps) {
  const { t } = useTranslation('cases');
  const can = useCan();
  const [error, setError] = useState<unknown>(null);
  const today = new Date().toISOString().slice(0, 10);
  const act = async (call: () => Promise<unknown>) => {
    setError(null);
    try {
      await call();
      onChanged();
    } catch (failure) {
      setError(failure);
    }
  };
  return (
    <Panel title={t('tabs.tasks')}>
      <ProblemNotice error={error} />
      {tasks.length === 0 && <EmptyState />}
      {tasks.length > 0 && (
        <table className="table" data-testid="case-tasks">
          <thead>
            <tr>
              <th scope="col">{t('tasks.title')}</th>
              <th scope="col">{t('tasks.due')}</th>
              <th scope="col">{t('tasks.status')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('tasks.remove')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {tasks.map((task) => (
              <tr key={task.id}>
                <td>
                  {task.title}
                  <div className="muted">{task.assigneeId ?? t('tasks.unassigned')}</div>
                </td>
                <td>
                  {task.dueDate ?? '—'}{' '}
                  {isOverdue(task, today) && <Badge tone="danger">{t('tasks.overdue')}</Badge>}
                </td>
                <td>
                  <select
                    aria-label={`${t('tasks.status')}: ${task.title}`}
                    value={task.status}
                    disabled={!can('cases.write')}
                    onChange={(e) =>
                      void act(() =>
                        casesApi.updateTask(caseId, task.id, { status: e.target.value as Task['status'] }),
                      )
                    }
                  >
                    {taskStatuses.map((s) => (
                      <option key={s} value={s}>
                        {t(`tasks.statuses.${s}`)}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  {can('cases.write') && (
                    <button
                      type="button"
                      className="button button-quiet"
                      aria-label={`${t('tasks.remove')}: ${task.title}`}
                      onClick={() => void act(() => casesApi.deleteTask(caseId, task.id))}
                    >
                      ×
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {can('cases.write') && <NewTaskForm caseId={caseId} onAdded={onChanged} />}
    </Panel>
  );
}

function NewTaskForm({ caseId, onAdded }: { caseId: string; onAdded: () => void }) {
  const { t } = useTranslation('cases');
  const [title, setTitle] = useState('');
  const [assigneeId, setAssigneeId] = useState('');
  const [dueDate, setDueDate] = useState('');
  const [error, setError] = useState<unknown>(null);
  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      await casesApi.addTask(caseId, {
        title,
        assigneeId: assigneeId.trim() || null,
        dueDate: dueDate || null,
      });
      setTitle('');
      setAssigneeId('');
      setDueDate('');
      onAdded();
    } catch (failure) {
      setError(failure);
    }
  }
  return (
    <form className="form filter-grid" onSubmit={submit} aria-label={t('tasks.add')} data-testid="task-form">
      <ProblemNotice error={error} />
      <Field label={t('tasks.title')} required>
        {(control) => (
          <input
            {...control}
            name="title"
            value={title}
            maxLength={200}
            onChange={(e) => setTitle(e.target.value)}
          />
        )}
      </Field>
      <Field label={t('tasks.assignee')}>
        {(control) => (
          <input
            {...control}
            name="assigneeId"
            value={assigneeId}
            onChange={(e) => setAssigneeId(e.target.value)}
          />
        )}
      </Field>
      <Field label={t('tasks.due')}>
        {(control) => (
          <input
            {...control}
            name="dueDate"
            type="date"
            value={dueDate}
            onChange={(e) => setDueDate(e.target.value)}
          />
        )}
      </Field>
      <div className="form-actions">
        <button type="submit" className="button button-primary">
          {t('tasks.add')}
        </button>
      </div>
    </form>
  );
}
