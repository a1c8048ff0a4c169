// What "my agenda" asks the server: my agenda for a period, my availability ranges, my external
// calendars and my private feed address. One place for the query keys, so every change refreshes
// what it touches.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../../shared/api/client';

export type UserAgenda = Schemas['UserAgenda'];
export type AgendaRange = Schemas['AgendaRange'];
export type CalendarFeed = Schemas['CalendarFeedDto'];
export type Location = Schemas['LocationDto'];

export interface RangeInput { start: string; end: string; locationId: string | null }

export const agendaKeys = {
  all: ['agendas'] as const,
  mine: (userId: string, from: string, to: string) => ['agendas', 'mine', userId, from, to] as const,
  feeds: (userId: string) => ['agendas', 'feeds', userId] as const,
  locations: ['locations'] as const,
};

export function useMyAgenda(userId: string, from: Date, to: Date) {
  const [f, t] = [from.toISOString(), to.toISOString()];
  return useQuery({
    queryKey: agendaKeys.mine(userId, f, t),
    queryFn: async () => (await unwrap(api.GET('/agendas', { params: { query: { users: userId, from: f, to: t } } })))[0] as UserAgenda | undefined,
    placeholderData: (previous) => previous,
  });
}

export function useLocations() {
  return useQuery({ queryKey: agendaKeys.locations, queryFn: () => unwrap(api.GET('/locations', { params: { query: {} } })), staleTime: 5 * 60_000 });
}

/** Adding, moving and removing one's ranges; each refreshes the agenda shown. */
export function useRangeChanges(userId: string) {
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: ['agendas', 'mine', userId] });
  const add = useMutation({
    mutationFn: (body: RangeInput) => unwrap(api.POST('/users/{id}/availability', { params: { path: { id: userId } }, body })),
    onSuccess: refresh,
  });
  const move = useMutation({
    mutationFn: ({ rangeId, ...body }: RangeInput & { rangeId: string }) =>
      unwrap(api.PUT('/users/{id}/availability/{rangeId}', { params: { path: { id: userId, rangeId } }, body })),
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: (rangeId: string) => unwrap(api.DELETE('/users/{id}/availability/{rangeId}', { params: { path: { id: userId, rangeId } } })),
    onSuccess: refresh,
  });
  return { add, move, remove };
}

export function useFeeds(userId: string) {
  return useQuery({ queryKey: agendaKeys.feeds(userId), queryFn: () => unwrap(api.GET('/users/{id}/calendars', { params: { path: { id: userId } } })) });
}

export function useFeedChanges(userId: string) {
  const client = useQueryClient();
  const refresh = () => Promise.all([
    client.invalidateQueries({ queryKey: agendaKeys.feeds(userId) }),
    client.invalidateQueries({ queryKey: ['agendas', 'mine', userId] }),
  ]);
  const add = useMutation({
    mutationFn: (body: { url: string; name: string | null }) => unwrap(api.POST('/users/{id}/calendars', { params: { path: { id: userId } }, body })),
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: (feedId: string) => unwrap(api.DELETE('/users/{id}/calendars/{feedId}', { params: { path: { id: userId, feedId } } })),
    onSuccess: refresh,
  });
  const sync = useMutation({
    mutationFn: (feedId: string) => unwrap(api.POST('/users/{id}/calendars/{feedId}/sync', { params: { path: { id: userId, feedId } } })),
    onSuccess: refresh,
  });
  return { add, remove, sync };
}

export function usePersonalFeed(userId: string) {
  const create = useMutation({
    mutationFn: () => unwrap(api.POST('/users/{id}/calendars/personal', { params: { path: { id: userId } } })),
  });
  const revoke = useMutation({
    mutationFn: () => unwrap(api.DELETE('/users/{id}/calendars/personal', { params: { path: { id: userId } } })),
  });
  return { create, revoke };
}
