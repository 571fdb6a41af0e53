// Socket.IO room names. One place, so emitters and joiners cannot drift apart.
export const rooms = {
  agent: (userId: string) => `agent:${userId}`,
  queue: (queueId: string) => `queue:${queueId}`,
  /** Supervisors of one team. */
  teamSupervisors: (teamId: string) => `supervisors:team:${teamId}`,
  /** Admins watch every team. */
  allSupervisors: 'supervisors:all',
  /** Every supervisor and admin, whatever their teams: things that belong to no team (mailbox health). */
  anySupervisor: 'supervisors:any',
  /** Every signed-in console while a simulator runs (SMS or email): the simulated customers' screens. */
  simulator: 'simulator',
  /** Every socket of one sign-in, so signing out can close them. */
  session: (sessionId: string) => `session:${sessionId}`,
};
