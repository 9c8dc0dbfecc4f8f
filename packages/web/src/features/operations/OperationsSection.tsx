import type { ReactNode } from 'react';
import { Route, Routes } from 'react-router';
import { useCan } from '../../app/session.tsx';
import { StatusPage } from '../../ui/StatusPage.tsx';
import { OperationLogPage } from './OperationLogPage.tsx';
import { OperationPage } from './OperationPage.tsx';
import { OperationPlanPage } from './OperationPlanPage.tsx';
import { OperationsListPage } from './OperationsListPage.tsx';
import './operations.css';

/** Everything under /operations: the list, the plan form, an operation's page and its log screen for phones. */
export default function OperationsSection() {
  const can = useCan();
  const only = (permission: string, page: ReactNode) =>
    can(permission) ? page : <StatusPage kind="forbidden" />;
  return (
    <Routes>
      <Route index element={<OperationsListPage />} />
      <Route path="new" element={only('operations.plan', <OperationPlanPage />)} />
      <Route path=":id" element={<OperationPage />} />
      <Route path=":id/log" element={only('operations.log', <OperationLogPage />)} />
      <Route path="*" element={<StatusPage kind="notFound" />} />
    </Routes>
  );
}
