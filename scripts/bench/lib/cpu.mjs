// How much CPU the rest of the machine took while a measurement ran: the machine's busy time
// (/proc/stat) minus that of the bench's own processes (itself, the API, the baseline and the
// PostgreSQL backends serving them). The load average cannot tell: the bench's own backends
// waiting for a CPU count in it. Linux only; elsewhere nothing is reported.
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';

function machineTicks() {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  const total = fields.reduce((a, b) => a + b, 0);
  return { total, busy: total - fields[3] - (fields[4] ?? 0) };
}

function processTicks(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return 0;
  }
}

/**
 * Starts counting; `pids()` gives the bench's own processes (asked again at the end, so
 * backends that came and went are counted as they were seen). `stop()` answers the CPUs'
 * worth of work everything else did meanwhile (0–2 on this machine), or null off Linux.
 */
export async function othersCpu(pids) {
  let before;
  try {
    before = { machine: machineTicks(), own: new Map((await pids()).map((pid) => [pid, processTicks(pid)])) };
  } catch {
    return { stop: async () => null };
  }
  return {
    async stop() {
      const machine = machineTicks();
      let own = 0;
      for (const pid of new Set([...before.own.keys(), ...(await pids())])) {
        const now = processTicks(pid);
        if (now > 0) own += now - (before.own.get(pid) ?? 0); // a process gone meanwhile: not counted
      }
      const elapsed = machine.total - before.machine.total; // ticks of all CPUs
      if (elapsed <= 0) return null;
      return Math.max(0, ((machine.busy - before.machine.busy - own) / elapsed) * cpus().length);
    },
  };
}
