import type { ReactNode } from 'react';
import { Route, Routes } from 'react-router';
import { useCan } from '../../app/session.tsx';
import { StatusPage } from '../../ui/StatusPage.tsx';
import { CaseCreatePage } from './CaseCreatePage.tsx';
import { CaseListPage } from './CaseListPage.tsx';
import { CasePage } from './CasePage.tsx';

/** Everything under /cases: the list, the new-case form and the case page. */
export default function CasesSection() {
  const can = useCan();
  const write = (page: ReactNode) => (can('cases.write') ? page : <StatusPage kind="forbidden" />);
  return (
    <Routes>
      <Route index element={<CaseListPage />} />
      <Route path="new" element={write(<CaseCreatePage />)} />
      <Route path=":id" element={<CasePage />} />
      <Route path="*" element={<StatusPage kind="notFound" />} />
    </Routes>
  );
}
