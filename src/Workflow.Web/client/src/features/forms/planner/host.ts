// What the planning step's React tree shares with the page around the form: the query cache (the step is
// mounted by Form.io in a root of its own, outside the page's providers).
import type { QueryClient } from '@tanstack/react-query';

export interface PlannerHost { queryClient: QueryClient }

let host: PlannerHost | null = null;

export const setPlannerHost = (h: PlannerHost) => { host = h; };
export const plannerHost = () => host;
