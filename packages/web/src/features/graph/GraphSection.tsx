import { lazy } from 'react';
import { Route, Routes } from 'react-router';
import { StatusPage } from '../../ui/StatusPage.tsx';
import './graph.css';

const ChartPage = lazy(() => import('./chart/ChartPage.tsx'));
const EntityPage = lazy(() => import('./EntityPage.tsx'));
const SearchPage = lazy(() => import('../search/SearchPage.tsx'));
const HitsPage = lazy(() => import('../hits/HitsPage.tsx'));

/**
 * Everything under /graph: the link chart, entity pages (/graph/entities/:id, with /chart to open the chart
 * there), search results (/graph/search?q=) and the user's hits (/graph/hits).
 */
export default function GraphSection() {
  return (
    <Routes>
      <Route index element={<ChartPage />} />
      <Route path="entities/:id" element={<EntityPage />} />
      <Route path="entities/:id/chart" element={<ChartPage />} />
      <Route path="search" element={<SearchPage />} />
      <Route path="hits" element={<HitsPage />} />
      <Route path="*" element={<StatusPage kind="notFound" />} />
    </Routes>
  );
}
