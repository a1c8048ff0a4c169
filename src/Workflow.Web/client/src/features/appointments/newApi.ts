// What the new-appointment screen asks the server: the dossier, the people and offices to choose
// from, the agendas side by side for a week, and the two writes (a new location, the appointment).
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../../shared/api/client';

export type Dossier = Schemas['DossierDto'];
export type Participant = Schemas['ParticipantDto'];
export type User = Schemas['UserSummary'];
export type Place = Schemas['LocationDto'];
export type UserAgenda = Schemas['UserAgenda'];
export type NewAppointment = Schemas['CreateAppointmentCommand'];

export const newAppointmentKeys = {
  dossier: (id: string) => ['dossiers', id] as const,
  users: ['users'] as const,
  locations: ['locations'] as const,
  agendas: (users: string[], from: string, to: string) => ['agendas', users.join(','), from, to] as const,
};

export function useDossier(id: string) {
  return useQuery({ queryKey: newAppointmentKeys.dossier(id), queryFn: () => unwrap(api.GET('/dossiers/{id}', { params: { path: { id } } })) });
}

export function useUsers() {
  return useQuery({ queryKey: newAppointmentKeys.users, queryFn: () => unwrap(api.GET('/users', {})), staleTime: 60_000 });
}

export function useLocations() {
  return useQuery({ queryKey: newAppointmentKeys.locations, queryFn: () => unwrap(api.GET('/locations', {})), staleTime: 60_000 });
}

/** Every layer of every agenda for the period; the screen's switches hide layers without asking again. */
export function useAgendas(users: string[], from: Date, to: Date) {
  const [f, t] = [from.toISOString(), to.toISOString()];
  return useQuery({
    queryKey: newAppointmentKeys.agendas(users, f, t),
    queryFn: () => unwrap(api.GET('/agendas', { params: { query: { users: users.join(','), from: f, to: t, availability: true, external: true } } })),
    enabled: users.length > 0,
    placeholderData: keepPreviousData,
  });
}

export function useCreateLocation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Schemas['CreateLocationCommand']) => unwrap(api.POST('/locations', { body })),
    onSuccess: (created) => {
      client.setQueryData<Place[]>(newAppointmentKeys.locations, (old) => [...(old ?? []), created]);
      void client.invalidateQueries({ queryKey: newAppointmentKeys.locations });
    },
  });
}

export function useCreateAppointment() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: NewAppointment) => unwrap(api.POST('/appointments', { body })),
    onSuccess: () => { void client.invalidateQueries({ queryKey: ['agendas'] }); },
  });
}
