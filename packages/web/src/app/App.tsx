import { Suspense } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router';
import { LoginPage } from '../features/login/LoginPage.tsx';
import { TotpEnrolPage } from '../features/login/TotpEnrolPage.tsx';
import { featureRoutes, publicPages } from '../features/registry.ts';
import { Shell } from '../shell/Shell.tsx';
import { Loading } from '../ui/Panel.tsx';
import { StatusPage } from '../ui/StatusPage.tsx';
import { useCan, useSession } from './session.tsx';

function RedirectToLogin() {
  const location = useLocation();
  const next =
    location.pathname === '/' ? '' : `?next=${encodeURIComponent(location.pathname + location.search)}`;
  return <Navigate to={`/login${next}`} replace />;
}

function SignedInRoutes() {
  const can = useCan();
  return (
    <Shell>
      <Suspense fallback={<Loading />}>
        <Routes>
          {featureRoutes.map((feature) => (
            <Route
              key={feature.id}
              path={feature.path === '/' ? '/' : `${feature.path}/*`}
              element={can(feature.permission) ? <feature.element /> : <StatusPage kind="forbidden" />}
            />
          ))}
          <Route path="/login" element={<AfterLogin />} />
          <Route path="/enrol-totp" element={<Navigate to="/" replace />} />
          <Route path="*" element={<StatusPage kind="notFound" />} />
        </Routes>
      </Suspense>
    </Shell>
  );
}

/** After signing in, go where the user was heading (only to a path of this app). */
function AfterLogin() {
  const next = new URLSearchParams(useLocation().search).get('next');
  return <Navigate to={next?.startsWith('/') && !next.startsWith('//') ? next : '/'} replace />;
}

function AppRoutes() {
  const { state } = useSession();
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'signed-out') {
    return (
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route path="*" element={<RedirectToLogin />} />
      </Routes>
    );
  }
  if (state.me.mustEnrolTotp) {
    return (
      <Routes>
        <Route path="/enrol-totp" element={<TotpEnrolPage />} />
        <Route path="*" element={<Navigate to="/enrol-totp" replace />} />
      </Routes>
    );
  }
  return <SignedInRoutes />;
}

export function App() {
  return (
    <BrowserRouter>
      <Routes>
        {/* Public pages (the rescue report form) render for everyone, signed in or not, without the shell. */}
        {publicPages.map((page) => (
          <Route
            key={page.path}
            path={page.path}
            element={
              <Suspense fallback={<Loading />}>
                <page.element />
              </Suspense>
            }
          />
        ))}
        <Route path="*" element={<AppRoutes />} />
      </Routes>
    </BrowserRouter>
  );
}
