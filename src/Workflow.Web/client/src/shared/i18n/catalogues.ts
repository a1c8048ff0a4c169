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
} satisfies Record<string, { fr: object; en: object }>;
