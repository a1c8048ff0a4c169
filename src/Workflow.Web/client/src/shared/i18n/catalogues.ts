// Every feature's strings, one namespace each. A feature adds its catalogue here.
import common from './common';
import calendar from '../calendar/i18n';
import map from '../map/i18n';
import tasks from '../../features/tasks/i18n';
import dossiers from '../../features/dossiers/i18n';
import appointments from '../../features/appointments/i18n';
import invitations from '../../features/invitations/i18n';
import agendas from '../../features/agendas/i18n';
import forms from '../../features/forms/i18n';
import workflows from '../../features/workflows/i18n';
import formsAdmin from '../../features/forms-admin/i18n';
import users from '../../features/users/i18n';

export const catalogues = {
  common,
  calendar,
  map,
  tasks,
  dossiers,
  appointments,
  invitations,
  agendas,
  forms,
  workflows,
  formsAdmin,
  users,
} satisfies Record<string, { fr: object; en: object }>;

// French and English have the same keys in every namespace, or the build fails here naming the namespace.
type Same<T> = { [K in keyof T]: T[K] extends string ? string : Same<T[K]> };
type Parity<C extends { fr: object; en: object }> = C['en'] extends Same<C['fr']> ? (C['fr'] extends Same<C['en']> ? true : false) : false;
type Catalogues = typeof catalogues;
export const parity: { [N in keyof Catalogues]: Parity<Catalogues[N]> } = {
  common: true, calendar: true, map: true, tasks: true, dossiers: true, appointments: true, invitations: true, agendas: true, forms: true, workflows: true, formsAdmin: true, users: true,
};
