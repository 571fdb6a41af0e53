import type { Task } from '../queues/task';
import { SWEEP_EVERY_MS } from './presenceTiming';
import { sweepDepartedAgents } from './sweepDepartedAgents';

/**
 * The safety net when a realtime process dies with its consoles: their rows stop being renewed, and this
 * finds the agents left with no console. It reads only Postgres, so a Redis flush changes nothing it decides.
 */
export const presenceSweepTask: Task<Record<string, never>> = {
  queue: 'maintenance',
  name: 'presence-sweep',
  schedule: () => ({ every: SWEEP_EVERY_MS }),
  perform: (ctx) => sweepDepartedAgents(ctx),
};
