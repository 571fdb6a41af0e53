import { useMemo } from 'react';
import { useBusinessHours, useQueues, useTeams, useUsers } from './adminQueries';
import type { NameOf } from './describeSettingsChange';

/** Names of users, teams, queues and calendars by id, for the audit's "who/what" (each list fetched once, cached). */
export function useAdminNames(): NameOf {
  const users = useUsers().data?.users;
  const teams = useTeams().data?.teams;
  const queues = useQueues().data?.queues;
  const hours = useBusinessHours().data?.businessHours;
  return useMemo(() => {
    const names = new Map<string, string>();
    for (const list of [users, teams, queues, hours]) for (const item of list ?? []) names.set(item.id, item.name);
    return (id: string) => names.get(id);
  }, [users, teams, queues, hours]);
}
