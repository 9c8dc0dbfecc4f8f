import type { ReactNode } from 'react';
import { Route, Routes } from 'react-router';
import { useCan } from '../../app/session.tsx';
import { StatusPage } from '../../ui/StatusPage.tsx';
import { FugitiveCreatePage } from './FugitiveCreatePage.tsx';
import { FugitiveListPage } from './FugitiveListPage.tsx';
import { FugitivePage } from './FugitivePage.tsx';
import './fugitives.css';

/** Everything under /fugitives: the register, the entry form and a fugitive's page. */
export default function FugitivesSection() {
  const can = useCan();
  const write = (page: ReactNode) => (can('fugitives.write') ? page : <StatusPage kind="forbidden" />);
  return (
    <Routes>
      <Route index element={<FugitiveListPage />} />
      <Route path="new" element={write(<FugitiveCreatePage />)} />
      <Route path=":id" element={<FugitivePage />} />
      <Route path="*" element={<StatusPage kind="notFound" />} />
    </Routes>
  );
}
