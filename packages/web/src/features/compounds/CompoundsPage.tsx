import { Route, Routes } from 'react-router';
import { StatusPage } from '../../ui/StatusPage.tsx';
import { CompoundPage } from './CompoundPage.tsx';
import { CompoundRegister } from './CompoundRegister.tsx';

/** Everything under /compounds: the register with its map and filters, and a compound's own page. */
export default function CompoundsPage() {
  return (
    <Routes>
      <Route index element={<CompoundRegister />} />
      <Route path=":id" element={<CompoundPage />} />
      <Route path="*" element={<StatusPage kind="notFound" />} />
    </Routes>
  );
}
