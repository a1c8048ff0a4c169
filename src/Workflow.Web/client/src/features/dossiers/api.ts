// The dossier screens' server state: one query key per thing shown, invalidated after each change.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../../shared/api/client';

export type Dossier = Schemas['DossierDto'];
export type Participant = Schemas['ParticipantDto'];
export type ParticipantKind = Schemas['ParticipantKind'];
export type DossierStatus = Schemas['DossierStatus'];
export type Address = Schemas['Address'];
export type User = Schemas['UserSummary'];

export const PAGE_SIZE = 20;

export interface DossierFilters {
  search?: string;
  kind?: string;
  status?: DossierStatus;
  urgent?: boolean;
  page: number;
}

export const dossierKeys = {
  all: ['dossiers'] as const,
  list: (f: DossierFilters) => ['dossiers', 'list', f] as const,
  one: (id: string) => ['dossiers', id] as const,
  part: (id: string, part: string) => ['dossiers', id, part] as const,
};

/** One page of dossiers; asks for one more than shown to know whether a next page exists. */
export function useDossierList(f: DossierFilters) {
  return useQuery({
    queryKey: dossierKeys.list(f),
    queryFn: async () => {
      const rows = await unwrap(api.GET('/dossiers', {
        params: { query: { search: f.search || undefined, kind: f.kind || undefined, status: f.status, urgent: f.urgent, skip: f.page * PAGE_SIZE, take: PAGE_SIZE + 1 } },
      }));
      return { rows: rows.slice(0, PAGE_SIZE), hasMore: rows.length > PAGE_SIZE };
    },
    placeholderData: (previous) => previous,
  });
}

export const useDossier = (id: string) =>
  useQuery({ queryKey: dossierKeys.one(id), queryFn: () => unwrap(api.GET('/dossiers/{id}', { params: { path: { id } } })), retry: false });

export const useDossierTasks = (id: string, enabled = true) =>
  useQuery({ queryKey: dossierKeys.part(id, 'tasks'), enabled, queryFn: () => unwrap(api.GET('/dossiers/{id}/tasks', { params: { path: { id } } })) });

export const useDossierAppointments = (id: string, enabled = true) =>
  useQuery({ queryKey: dossierKeys.part(id, 'appointments'), enabled, queryFn: () => unwrap(api.GET('/dossiers/{id}/appointments', { params: { path: { id } } })) });

export const useDossierExchanges = (id: string, enabled = true) =>
  useQuery({ queryKey: dossierKeys.part(id, 'exchanges'), enabled, queryFn: () => unwrap(api.GET('/dossiers/{id}/exchanges', { params: { path: { id } } })) });

export const useDossierDocuments = (id: string, enabled = true) =>
  useQuery({ queryKey: dossierKeys.part(id, 'documents'), enabled, queryFn: () => unwrap(api.GET('/dossiers/{id}/documents', { params: { path: { id } } })) });

export const useDossierInstances = (id: string, enabled = true) =>
  useQuery({
    queryKey: dossierKeys.part(id, 'instances'), enabled,
    queryFn: () => unwrap(api.GET('/workflows/instances', { params: { query: { dossierId: id, limit: 50 } } })),
  });

export const useUsers = (role?: string) =>
  useQuery({ queryKey: ['users', role ?? 'all'], queryFn: () => unwrap(api.GET('/users', { params: { query: { role } } })), staleTime: 5 * 60_000 });

export const useSkills = () =>
  useQuery({ queryKey: ['skills'], queryFn: () => unwrap(api.GET('/skills')), staleTime: 5 * 60_000 });

export const useForms = () =>
  useQuery({ queryKey: ['forms', 'list'], queryFn: () => unwrap(api.GET('/forms')), staleTime: 5 * 60_000 });

export function useCreateDossier() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Schemas['CreateDossierCommand']) => unwrap(api.POST('/dossiers', { body })),
    onSuccess: () => client.invalidateQueries({ queryKey: dossierKeys.all }),
  });
}

/** A change on the dossier itself (edit, close, participants): refreshes the dossier and the lists. */
function useDossierChange<T>(call: (body: T) => Promise<unknown>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: call, onSuccess: () => client.invalidateQueries({ queryKey: dossierKeys.all }) });
}

export const useUpdateDossier = (id: string) =>
  useDossierChange((body: Omit<Schemas['UpdateDossierCommand'], 'dossierId'>) =>
    unwrap(api.PATCH('/dossiers/{id}', { params: { path: { id } }, body: { ...body, dossierId: id } })));

export const useCloseDossier = (id: string) =>
  useDossierChange((_: void) => unwrap(api.POST('/dossiers/{id}/close', { params: { path: { id } } })));

export const useAddParticipant = (id: string) =>
  useDossierChange((body: Omit<Schemas['AddParticipantCommand'], 'dossierId'>) =>
    unwrap(api.POST('/dossiers/{id}/participants', { params: { path: { id } }, body: { ...body, dossierId: id } })));

export const useRemoveParticipant = (id: string) =>
  useDossierChange((participantId: string) =>
    unwrap(api.DELETE('/dossiers/{id}/participants/{participantId}', { params: { path: { id, participantId } } })));

export const useCreateTask = (id: string) =>
  useDossierChange((body: Omit<Schemas['CreateTaskCommand'], 'dossierId'>) => unwrap(api.POST('/tasks', { body: { ...body, dossierId: id } })));

/** The value of a field's 400 errors, whatever the casing or nesting the server used (address.text → address). */
export function errorsFor(fieldErrors: Record<string, string[]>, field: string): string[] {
  const f = field.toLowerCase();
  return Object.entries(fieldErrors)
    .filter(([key]) => { const k = key.toLowerCase(); return k === f || k.startsWith(`${f}.`) || k.startsWith(`${f}[`); })
    .flatMap(([, messages]) => messages);
}
