import { performance } from 'node:perf_hooks';

/**
 * This process's CPU use from now until `read()`, as a share of one core. The load generator and the agents'
 * sockets live here, on the same machine as the server: a high figure means they took CPU the server lacked.
 */
export function startCpuMeter() {
  const cpu = process.cpuUsage();
  const wall = performance.now();
  return {
    read() {
      const used = process.cpuUsage(cpu);
      return (used.user + used.system) / 1000 / (performance.now() - wall);
    },
  };
}
