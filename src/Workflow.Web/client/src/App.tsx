// One route per screen, each loaded with its screen (bpmn-js, Form.io, the calendar and the map only where used).
import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { Layout } from './shared/shell/Layout';
import { SignIn } from './shared/shell/SignIn';
import { RequireRole } from './shared/shell/RequireRole';
import { useSession, type Role } from './shared/shell/session';
import { Loading } from './shared/ui/Status';

const screens = {
  inbox: () => import('./features/tasks/InboxPage'),
  task: () => import('./features/tasks/TaskPage'),
  dossiers: () => import('./features/dossiers/DossiersPage'),
  dossier: () => import('./features/dossiers/DossierPage'),
  newAppointment: () => import('./features/appointments/NewAppointmentPage'),
  appointment: () => import('./features/appointments/AppointmentPage'),
  invitations: () => import('./features/invitations/InvitationsPage'),
  agenda: () => import('./features/agendas/AgendaPage'),
  designer: () => import('./features/workflows/DesignerPage'),
  instances: () => import('./features/workflows/InstancesPage'),
  forms: () => import('./features/forms-admin/FormsPage'),
  form: () => import('./features/forms-admin/FormPage'),
  users: () => import('./features/users/UsersPage'),
};
const InboxPage = lazy(screens.inbox);
const TaskPage = lazy(screens.task);
const DossiersPage = lazy(screens.dossiers);
const DossierPage = lazy(screens.dossier);
const NewAppointmentPage = lazy(screens.newAppointment);
const AppointmentPage = lazy(screens.appointment);
const InvitationsPage = lazy(screens.invitations);
const AgendaPage = lazy(screens.agenda);
const DesignerPage = lazy(screens.designer);
const InstancesPage = lazy(screens.instances);
const FormsPage = lazy(screens.forms);
const FormPage = lazy(screens.form);
const UsersPage = lazy(screens.users);

// The screen asked for starts loading with the session check, not after it (one round trip less on a first visit).
const opening: [RegExp, () => Promise<unknown>][] = [
  [/^\/app\/?(tasks\/?)?$/, screens.inbox], [/^\/app\/tasks\/[^/]+/, screens.task], [/^\/app\/dossiers\/?$/, screens.dossiers],
  [/^\/app\/dossiers\/[^/]+\/appointments\/new/, screens.newAppointment], [/^\/app\/dossiers\/[^/]+/, screens.dossier],
  [/^\/app\/appointments\//, screens.appointment], [/^\/app\/invitations/, screens.invitations], [/^\/app\/agenda/, screens.agenda],
  [/^\/app\/users/, screens.users],
];
void opening.find(([path]) => path.test(location.pathname))?.[1]();

const staff: Role[] = ['planner', 'expert', 'admin'];
const designers: Role[] = ['designer', 'admin'];
const admins: Role[] = ['admin'];

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
        <Route path="forms" element={<Screen roles={designers}><FormsPage /></Screen>} />
        <Route path="forms/:key" element={<Screen roles={designers}><FormPage /></Screen>} />
        <Route path="users" element={<Screen roles={admins}><UsersPage /></Screen>} />
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}
