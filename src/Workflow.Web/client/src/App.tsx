// One route per screen, each loaded with its screen (bpmn-js, Form.io, the calendar and the map only where used).
import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { Layout } from './shared/shell/Layout';
import { SignIn } from './shared/shell/SignIn';
import { RequireRole } from './shared/shell/RequireRole';
import { useSession, type Role } from './shared/shell/session';
import { Loading } from './shared/ui/Status';

const InboxPage = lazy(() => import('./features/tasks/InboxPage'));
const TaskPage = lazy(() => import('./features/tasks/TaskPage'));
const DossiersPage = lazy(() => import('./features/dossiers/DossiersPage'));
const DossierPage = lazy(() => import('./features/dossiers/DossierPage'));
const NewAppointmentPage = lazy(() => import('./features/appointments/NewAppointmentPage'));
const AppointmentPage = lazy(() => import('./features/appointments/AppointmentPage'));
const InvitationsPage = lazy(() => import('./features/invitations/InvitationsPage'));
const AgendaPage = lazy(() => import('./features/agendas/AgendaPage'));
const DesignerPage = lazy(() => import('./features/workflows/DesignerPage'));
const InstancesPage = lazy(() => import('./features/workflows/InstancesPage'));

const staff: Role[] = ['planner', 'expert', 'admin'];
const designers: Role[] = ['designer', 'admin'];

function Screen({ roles, children }: { roles?: Role[]; children: ReactNode }) {
  return <RequireRole roles={roles}><Suspense fallback={<Loading />}>{children}</Suspense></RequireRole>;
}

function Home() {
  const { has } = useSession();
  return <Navigate to={has('planner', 'expert', 'admin') ? '/tasks' : has('designer') ? '/designer' : '/invitations'} replace />;
}

function NotFound() {
  const { t } = useTranslation();
  return <p className="alert alert-warning">{t('errors.notFoundPage')}</p>;
}

export function App() {
  return (
    <Routes>
      <Route path="/signin" element={<SignIn />} />
      <Route element={<RequireRole><Layout /></RequireRole>}>
        <Route index element={<Home />} />
        <Route path="tasks" element={<Screen roles={staff}><InboxPage /></Screen>} />
        <Route path="tasks/:id" element={<Screen roles={staff}><TaskPage /></Screen>} />
        <Route path="dossiers" element={<Screen roles={staff}><DossiersPage /></Screen>} />
        <Route path="dossiers/:id" element={<Screen roles={staff}><DossierPage /></Screen>} />
        <Route path="dossiers/:id/appointments/new" element={<Screen roles={staff}><NewAppointmentPage /></Screen>} />
        <Route path="appointments/:id" element={<Screen roles={staff}><AppointmentPage /></Screen>} />
        <Route path="invitations" element={<Screen><InvitationsPage /></Screen>} />
        <Route path="agenda" element={<Screen roles={staff}><AgendaPage /></Screen>} />
        <Route path="designer" element={<Screen roles={designers}><DesignerPage /></Screen>} />
        <Route path="instances/*" element={<Screen roles={designers}><InstancesPage /></Screen>} />
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}
