// The tasks feature's server state: the inbox, one task, and what changes who holds a task or finishes it.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../../shared/api/client';

export type Task = Schemas['TaskDto'];

export const taskKeys = {
  all: ['tasks'] as const,
  inbox: (includeFinished: boolean) => ['tasks', 'mine', { includeFinished }] as const,
  one: (id: string) => ['tasks', 'one', id] as const,
  appointment: (id: string) => ['tasks', 'appointment', id] as const,
};

/** My tasks and my roles' tasks; with the finished ones for the "done" and "all" filters. */
export function useInbox(includeFinished: boolean) {
  return useQuery({
    queryKey: taskKeys.inbox(includeFinished),
    queryFn: () => unwrap(api.GET('/tasks/mine', { params: { query: { includeFinished } } })),
    refetchInterval: 60_000,
  });
}

export function useTask(id: string) {
  return useQuery({ queryKey: taskKeys.one(id), queryFn: () => unwrap(api.GET('/tasks/{id}', { params: { path: { id } } })) });
}

/** The appointment a completed task booked (shown as what the task caused). */
export function useBookedAppointment(id: string | undefined) {
  return useQuery({
    queryKey: taskKeys.appointment(id ?? ''),
    queryFn: () => unwrap(api.GET('/appointments/{id}', { params: { path: { id: id! } } })),
    enabled: !!id,
  });
}

/** After any change: the task as the server answered, and every inbox refreshed. */
function useTaskChange(change: (id: string) => Promise<Task>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: change,
    onSuccess: (task) => {
      client.setQueryData(taskKeys.one(task.id), task);
      void client.invalidateQueries({ queryKey: taskKeys.all });
    },
    onError: (_error, id) => {
      // Someone else may hold it now: show who.
      void client.invalidateQueries({ queryKey: taskKeys.one(id) });
      void client.invalidateQueries({ queryKey: ['tasks', 'mine'] });
    },
  });
}

export const useClaim = () => useTaskChange((id) => unwrap(api.POST('/tasks/{id}/claim', { params: { path: { id } } })));

export const useRelease = () => useTaskChange((id) => unwrap(api.POST('/tasks/{id}/release', { params: { path: { id } } })));

export const useComplete = () => useTaskChange((id) => unwrap(api.POST('/tasks/{id}/complete', { params: { path: { id } }, body: { data: null } })));
