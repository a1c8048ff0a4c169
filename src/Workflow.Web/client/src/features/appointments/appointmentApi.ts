// The appointment screen's server state: the appointment, its documents, its dossier (participants for the
// concerned parties, exchanges) and every action on it. One query key per read; each action refreshes what it changes.
// (Named appointmentApi.ts so it stays apart from the new-appointment screen's calls.)
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../../shared/api/client';
import { invitationCountKey } from '../../shared/shell/Layout';

export type Appointment = Schemas['AppointmentDto'];
export type AppointmentDocument = Schemas['DocumentDto'];

export const appointmentKey = (id: string) => ['appointments', id] as const;
export const documentsKey = (id: string) => ['appointments', id, 'documents'] as const;
export const dossierKey = (id: string) => ['dossiers', id] as const;
export const exchangesKey = (dossierId: string) => ['dossiers', dossierId, 'exchanges'] as const;
export const usersKey = ['users'] as const;

export const useAppointment = (id: string, enabled = true) =>
  useQuery({ queryKey: appointmentKey(id), enabled, queryFn: () => unwrap(api.GET('/appointments/{id}', { params: { path: { id } } })) });

export const useDocuments = (id: string, enabled = true) =>
  useQuery({ queryKey: documentsKey(id), enabled, queryFn: () => unwrap(api.GET('/appointments/{id}/documents', { params: { path: { id } } })) });

export const useDossier = (id: string | undefined, enabled = true) =>
  useQuery({ queryKey: dossierKey(id ?? ''), enabled: !!id && enabled, queryFn: () => unwrap(api.GET('/dossiers/{id}', { params: { path: { id: id! } } })) });

export const useExchanges = (dossierId: string | undefined, enabled = true) =>
  useQuery({ queryKey: exchangesKey(dossierId ?? ''), enabled: !!dossierId && enabled, queryFn: () => unwrap(api.GET('/dossiers/{id}/exchanges', { params: { path: { id: dossierId! } } })) });

export const useUsers = (enabled = true) =>
  useQuery({ queryKey: usersKey, enabled, staleTime: 5 * 60_000, queryFn: () => unwrap(api.GET('/users', { params: { query: {} } })) });

/** The address of a document's file, for a plain link (the browser downloads it with the session cookie). */
export const documentUrl = (appointmentId: string, documentId: string) => `/appointments/${appointmentId}/documents/${documentId}`;

/** Every action on one appointment; each puts the new appointment in the cache and refreshes what hangs off it. */
export function useAppointmentActions(id: string) {
  const client = useQueryClient();
  const path = { params: { path: { id } } };
  const settle = (appointment?: Appointment) => {
    if (appointment) client.setQueryData(appointmentKey(id), appointment);
    void client.invalidateQueries({ queryKey: ['appointments'] });
    void client.invalidateQueries({ queryKey: ['dossiers'] });
    void client.invalidateQueries({ queryKey: ['invitations'] });
    void client.invalidateQueries({ queryKey: invitationCountKey });
  };
  const action = <V,>(fn: (v: V) => Promise<Appointment>) => useMutation({ mutationFn: fn, onSuccess: settle });

  return {
    reschedule: action((v: { start: string; end: string; mainUserId: string | null }) =>
      unwrap(api.POST('/appointments/{id}/reschedule', { ...path, body: v }))),
    plan: action((v: { mainUserId: string; start: string; end: string }) => unwrap(api.POST('/appointments/{id}/plan', { ...path, body: v }))),
    cancel: action((reason: string) => unwrap(api.POST('/appointments/{id}/cancel', { ...path, body: { reason } }))),
    done: action((_: void) => unwrap(api.POST('/appointments/{id}/done', path))),
    parties: action((v: { participantIds: string[]; userIds: string[] }) => unwrap(api.PUT('/appointments/{id}/parties', { ...path, body: v }))),
    remove: useMutation({
      mutationFn: () => unwrap(api.DELETE('/appointments/{id}', path)),
      // The screen stops reading the appointment (it is gone); the dossier's list changes.
      onSuccess: () => void client.invalidateQueries({ queryKey: ['dossiers'] }),
    }),
    remind: useMutation({ mutationFn: () => unwrap(api.POST('/appointments/{id}/remind', path)) }),
    exchange: useMutation({
      mutationFn: (notes: string) => unwrap(api.POST('/appointments/{id}/exchange', { ...path, body: { notes } })),
      onSuccess: (e) => void client.invalidateQueries({ queryKey: exchangesKey(e.dossierId) }),
    }),
    attach: useMutation({
      mutationFn: (file: File) => {
        const body = new FormData();
        body.append('file', file, file.name);
        return unwrap(api.POST('/appointments/{id}/documents', {
          ...path,
          // multipart: the browser writes the boundary; openapi-fetch must not turn the body into JSON.
          body: body as unknown as { file: string },
          bodySerializer: (b) => b as unknown as FormData,
        }));
      },
      onSuccess: () => void client.invalidateQueries({ queryKey: documentsKey(id) }),
    }),
    detach: useMutation({
      mutationFn: (documentId: string) => unwrap(api.DELETE('/appointments/{id}/documents/{documentId}', { params: { path: { id, documentId } } })),
      onSuccess: () => void client.invalidateQueries({ queryKey: documentsKey(id) }),
    }),
  };
}
