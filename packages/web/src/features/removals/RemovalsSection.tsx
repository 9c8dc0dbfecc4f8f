import { Route, Routes } from 'react-router';
import { StatusPage } from '../../ui/StatusPage.tsx';
import { RemovalCreatePage } from './RemovalCreatePage.tsx';
import { RemovalListPage } from './RemovalListPage.tsx';
import { RemovalPlanPage } from './RemovalPlanPage.tsx';
import './removals.css';

/** Everything under /removals: the list, a new plan (from ?fugitive=… or picked from the register), the plan. */
export default function RemovalsSection() {
  return (
    <Routes>
      <Route index element={<RemovalListPage />} />
      <Route path="new" element={<RemovalCreatePage />} />
      <Route path=":id" element={<RemovalPlanPage />} />
      <Route path="*" element={<StatusPage kind="notFound" />} />
    </Routes>
  );
}
