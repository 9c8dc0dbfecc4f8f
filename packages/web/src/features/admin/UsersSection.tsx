import type { ReactNode } from 'react';
import { Route, Routes } from 'react-router';
import { useCan } from '../../app/session.tsx';
import { StatusPage } from '../../ui/StatusPage.tsx';
import { UserCreatePage } from './UserCreatePage.tsx';
import { UserEditPage } from './UserEditPage.tsx';
import { UsersListPage } from './UsersListPage.tsx';

/** Everything under /admin/users: the list, the new-user form and one user's page. */
export default function UsersSection() {
  const can = useCan();
  const manage = (page: ReactNode) => (can('users.manage') ? page : <StatusPage kind="forbidden" />);
  return (
    <Routes>
      <Route index element={<UsersListPage />} />
      <Route path="new" element={manage(<UserCreatePage />)} />
      <Route path=":id" element={<UserEditPage />} />
      <Route path="*" element={<StatusPage kind="notFound" />} />
    </Routes>
  );
}
