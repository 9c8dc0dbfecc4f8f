import { Route, Routes } from 'react-router';
import { StatusPage } from '../../ui/StatusPage.tsx';
import { RescueBoard } from './RescueBoard.tsx';
import { RescueCasePage } from './RescueCasePage.tsx';

/** Everything under /rescue: the board with the numbers, and the case page. */
export default function RescueSection() {
  return (
    <Routes>
      <Route index element={<RescueBoard />} />
      <Route path=":id" element={<RescueCasePage />} />
      <Route path="*" element={<StatusPage kind="notFound" />} />
    </Routes>
  );
}
