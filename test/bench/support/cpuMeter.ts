import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
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

/** Busy and total CPU time of the whole machine so far, from /proc/stat (Linux); null elsewhere. */
function machineTicks(): { busy: number; total: number } | null {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    // user nice system idle iowait irq softirq steal …: idle and iowait are the machine waiting.
    const total = fields.slice(0, 8).reduce((a, b) => a + b, 0);
    return { busy: total - fields[3] - fields[4], total };
  } catch {
    return null;
  }
}

/**
 * The whole machine's CPU use from now until `read()`, in cores (2 = both cores of a 2-core machine busy): the
 * server, PostgreSQL, Redis and the load generator together. Near the core count, every figure is a queue.
 */
export function startMachineCpuMeter() {
  const start = machineTicks();
  return {
    read(): number | null {
      const end = machineTicks();
      if (!start || !end || end.total === start.total) return null;
      return ((end.busy - start.busy) / (end.total - start.total)) * cpus().length;
    },
  };
}

/** User + system CPU seconds another process (by pid) has used so far, from /proc (Linux); null elsewhere. */
function processCpuSeconds(pid: number): number | null {
  try {
    // Fields after the command's closing parenthesis: utime and stime are the 12th and 13th, in clock ticks.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

/**
 * Another process's CPU use from now until `read()`, in CPU seconds: the server's cost of the work done in between.
 * Divided by the contacts, it is a figure that holds on a machine whose speed drifts, where latencies do not.
 */
export function startProcessCpuMeter(pid: number | undefined) {
  const start = pid === undefined ? null : processCpuSeconds(pid);
  return {
    read(): number | null {
      const end = pid === undefined ? null : processCpuSeconds(pid);
      return start === null || end === null ? null : end - start;
    },
  };
}
