import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { adminApi, type AuditEntityType } from './adminApi';

/** Every admin query key starts here, so one invalidation refreshes whatever a change may have touched. */
const ADMIN = 'admin';

export const adminKeys = {
  all: [ADMIN] as const,
  users: [ADMIN, 'users'] as const,
  teams: [ADMIN, 'teams'] as const,
  skills: [ADMIN, 'skills'] as const,
  queues: [ADMIN, 'queues'] as const,
  businessHours: [ADMIN, 'businessHours'] as const,
  audit: (entityType: AuditEntityType, entityId: string) => [ADMIN, 'audit', entityType, entityId] as const,
};

export const useUsers = () => useQuery({ queryKey: adminKeys.users, queryFn: adminApi.users });
export const useTeams = () => useQuery({ queryKey: adminKeys.teams, queryFn: adminApi.teams });
export const useSkills = () => useQuery({ queryKey: adminKeys.skills, queryFn: adminApi.skills });
export const useQueues = () => useQuery({ queryKey: adminKeys.queues, queryFn: adminApi.queues });
export const useBusinessHours = () => useQuery({ queryKey: adminKeys.businessHours, queryFn: adminApi.businessHours });
export const useAudit = (entityType: AuditEntityType, entityId: string) =>
  useQuery({ queryKey: adminKeys.audit(entityType, entityId), queryFn: () => adminApi.audit(entityType, entityId) });

/**
 * A settings change. Settings refer to each other (a user's teams are a team's members, a queue's skills are a
 * skill's queues, every change is an audit entry), so a success refreshes all the admin data on screen.
 */
export function useAdminMutation<Input, Result>(
  mutationFn: (input: Input) => Promise<Result>,
  onSuccess?: (result: Result) => void,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: async (result) => {
      await queryClient.invalidateQueries({ queryKey: adminKeys.all });
      onSuccess?.(result);
    },
  });
}
