// The forms feature's server state: the task's form (version, schema, draft), and what the planning
// step reads (ranked experts, agendas side by side, the dossier, locations). One place for the keys.
import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../../shared/api/client';

export type TaskFormView = Schemas['TaskFormView'];
export type ExpertMatch = Schemas['ExpertMatch'];
export type UserAgenda = Schemas['UserAgenda'];
export type FormData = Record<string, unknown>;

export const formKeys = {
  taskForm: (taskId: string) => ['forms', 'task', taskId] as const,
  experts: (dossierId: string, q: object) => ['forms', 'experts', dossierId, q] as const,
  agendas: (q: object) => ['forms', 'agendas', q] as const,
  dossier: (id: string) => ['forms', 'dossier', id] as const,
  locations: ['forms', 'locations'] as const,
};

export function useTaskForm(taskId: string) {
  return useQuery({
    queryKey: formKeys.taskForm(taskId),
    queryFn: () => unwrap(api.GET('/tasks/{id}/form', { params: { path: { id: taskId } } })),
    staleTime: Infinity,
  });
}

export function useDossier(id: string | undefined) {
  return useQuery({
    queryKey: formKeys.dossier(id ?? ''),
    queryFn: () => unwrap(api.GET('/dossiers/{id}', { params: { path: { id: id! } } })),
    enabled: !!id,
  });
}

export function useLocations() {
  return useQuery({ queryKey: formKeys.locations, queryFn: () => unwrap(api.GET('/locations', { params: { query: {} } })), staleTime: 5 * 60_000 });
}

/** The form reopened later (the view is cached) shows the draft just saved. */
function keepDraft(client: QueryClient, taskId: string, data: FormData) {
  client.setQueryData<TaskFormView>(formKeys.taskForm(taskId), (view) => view && { ...view, draft: data as TaskFormView['draft'], draftSavedAt: new Date().toISOString() });
}

/** Saves a draft outside React's life cycle: when the form is left with changes not yet saved. */
export function saveDraftNow(client: QueryClient, taskId: string, data: FormData) {
  keepDraft(client, taskId, data);
  return unwrap(api.PUT('/tasks/{id}/form/draft', { params: { path: { id: taskId } }, body: { data } as never }))
    .finally(() => void client.invalidateQueries({ queryKey: formKeys.taskForm(taskId) }));
}

export function useSaveDraft(taskId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (data: FormData) =>
      unwrap(api.PUT('/tasks/{id}/form/draft', { params: { path: { id: taskId } }, body: { data } as never })),
    onSuccess: (_, data) => keepDraft(client, taskId, data),
  });
}

export function useSubmitForm(taskId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (data: FormData) =>
      unwrap(api.POST('/tasks/{id}/form/submit', { params: { path: { id: taskId } }, body: { data } as never })),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['tasks'] });
      void client.invalidateQueries({ queryKey: ['dossiers'] });
      void client.invalidateQueries({ queryKey: ['agendas'] });
    },
  });
}

export interface ExpertQuery { from: string; to: string; duration: number; locationId?: string | null }

export function useExperts(dossierId: string | undefined, q: ExpertQuery | null) {
  return useQuery({
    queryKey: formKeys.experts(dossierId ?? '', q ?? {}),
    queryFn: () => unwrap(api.GET('/dossiers/{id}/experts', {
      params: {
        path: { id: dossierId! },
        query: { from: q!.from, to: q!.to, duration: q!.duration, slots: 5, ...(q!.locationId ? { locationId: q!.locationId } : {}) },
      },
    })),
    enabled: !!dossierId && !!q,
  });
}

export interface AgendaQuery { users: string[]; from: string; to: string; slotMinutes: number; latitude?: number | null; longitude?: number | null }

export function useAgendas(q: AgendaQuery | null) {
  return useQuery({
    queryKey: formKeys.agendas(q ?? {}),
    queryFn: () => unwrap(api.GET('/agendas', {
      params: {
        query: {
          users: q!.users.join(','), from: q!.from, to: q!.to, slotMinutes: q!.slotMinutes,
          ...(q!.latitude != null && q!.longitude != null ? { latitude: q!.latitude, longitude: q!.longitude } : {}),
        },
      },
    })),
    enabled: !!q && q.users.length > 0,
    placeholderData: keepPreviousData,
  });
}
