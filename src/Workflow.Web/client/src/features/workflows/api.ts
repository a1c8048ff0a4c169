// The workflows feature's server state: definitions and their versions, the designer's catalogue and
// moddle descriptor, instances and their details, in one place with their query keys.
import { useQuery } from '@tanstack/react-query';
import { api, ApiError, unwrap, type Schemas } from '../../shared/api/client';
import { problemText } from '../../shared/api/problemText';
import { incidentCountKey } from '../../shared/shell/Layout';

export type Definition = Schemas['ListDefinitionsItem'];
export type Version = Schemas['DefinitionDto'];
export type Catalogue = Schemas['DesignerCatalogueResult'];
export type InstanceSummary = Schemas['InstanceSummary'];
export type InstanceDetail = Schemas['InstanceDetail'];
export type InstanceStatus = Schemas['InstanceStatus'];
export type MigrationPlan = Schemas['ProposeMigrationPlan'];
export type MigrationReport = Schemas['MigrateInstancesInstanceReport'];

export const keys = {
  all: ['workflows'] as const,
  definitions: ['workflows', 'definitions'] as const,
  versions: (key: string) => ['workflows', 'definitions', key, 'versions'] as const,
  xml: (key: string, version: number) => ['workflows', 'definitions', key, 'xml', version] as const,
  designer: ['workflows', 'designer'] as const,
  users: ['workflows', 'users'] as const,
  instances: (filters: InstanceFilters, skip: number) => ['workflows', 'instances', filters, skip] as const,
  instance: (id: string) => ['workflows', 'instance', id] as const,
  /** The count of instances with open incidents (the shell's badge shares it). */
  incidents: incidentCountKey,
};

export interface InstanceFilters {
  key?: string;
  version?: number;
  dossier?: string;
  status?: InstanceStatus;
  incidents?: boolean;
}

export const useDefinitions = () => useQuery({ queryKey: keys.definitions, queryFn: () => unwrap(api.GET('/workflows/definitions')) });

export const useVersions = (key: string | null) => useQuery({
  queryKey: keys.versions(key ?? ''),
  queryFn: () => unwrap(api.GET('/workflows/definitions/{key}/versions', { params: { path: { key: key! } } })),
  enabled: !!key,
});

/** A version's BPMN XML, as text. */
export async function fetchXml(key: string, version: number): Promise<string> {
  const { data, error, response } = await api.GET('/workflows/definitions/{key}/versions/{version}/xml', {
    params: { path: { key, version } }, parseAs: 'text',
  });
  if (!response.ok) throw new ApiError(response.status, { status: response.status, ...(typeof error === 'object' && error ? error : {}) });
  return data as unknown as string;
}

/** What the designer needs before drawing: the catalogue, our moddle extension, people's names. */
export const useDesignerSetup = () => useQuery({
  queryKey: keys.designer,
  queryFn: async () => {
    const [catalogue, moddle] = await Promise.all([
      unwrap(api.GET('/workflows/catalogue')),
      unwrap(api.GET('/workflows/moddle.json')),
    ]);
    return { catalogue, moddle: moddle as unknown };
  },
  staleTime: Infinity,
});

/** People's names by id (who saved, published, acted in a journal). */
export const useUserNames = () => useQuery({
  queryKey: keys.users,
  queryFn: async () => new Map((await unwrap(api.GET('/users', { params: { query: {} } }))).map((u) => [u.id, u.fullName] as const)),
  staleTime: 5 * 60_000,
});

const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const pageSize = 50;

/** One page of instances, newest first; one more than a page tells whether an older page exists. */
export const useInstances = (filters: InstanceFilters, skip: number) => useQuery({
  queryKey: keys.instances(filters, skip),
  queryFn: async () => {
    const dossier = filters.dossier?.trim();
    // The dossier field takes a reference (or its start) as people know it, or an id pasted from elsewhere.
    const list = await unwrap(api.GET('/workflows/instances', {
      params: {
        query: {
          key: filters.key || undefined,
          version: filters.version || undefined,
          dossier: dossier && !guid.test(dossier) ? dossier : undefined,
          dossierId: dossier && guid.test(dossier) ? dossier : undefined,
          status: filters.status || undefined,
          incidents: filters.incidents || undefined,
          skip,
          limit: pageSize + 1,
        },
      },
    }));
    return { rows: list.slice(0, pageSize), more: list.length > pageSize };
  },
});

/** How many instances wait on an open incident (up to 100, then "100+"). */
export const useIncidentCount = (enabled = true) => useQuery({
  queryKey: keys.incidents,
  queryFn: async () => (await unwrap(api.GET('/workflows/instances', { params: { query: { incidents: true, limit: 100 } } }))).length,
  enabled,
  refetchInterval: 60_000,
});

export const useInstance = (id: string) => useQuery({
  queryKey: keys.instance(id),
  queryFn: () => unwrap(api.GET('/workflows/instances/{id}', { params: { path: { id } } })),
});

/** A refusal in words, with the fields (400) or elements (422) it names. */
export function refusalText(error: unknown): string {
  const head = problemText(error);
  if (!(error instanceof ApiError)) return head;
  const errors = error.problem.errors as unknown;
  const lines = Array.isArray(errors)
    ? errors.map((e: { element?: string; path?: string; message: string }) => `${e.element ?? e.path}: ${e.message}`)
    : Object.entries((errors ?? {}) as Record<string, string[] | string>).map(([field, messages]) => `${field}: ${([] as string[]).concat(messages).join(' ')}`);
  return lines.length ? `${head} ${lines.join('; ')}` : head;
}

/** The problems of a refused deployment (422): one per element. */
export function deployProblems(error: unknown): { element: string; message: string }[] | null {
  if (!(error instanceof ApiError) || error.status !== 422) return null;
  const errors = error.problem.errors as unknown;
  return Array.isArray(errors) ? errors.map((e: { element: string; message: string }) => ({ element: e.element, message: e.message })) : null;
}
