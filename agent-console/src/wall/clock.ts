/** A duration as a clock: "0:07", "12:05", "1:02:03" (hours only once there are any); never negative. */
export function formatClock(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}

/** How long since an ISO instant, at `now` (ms); clock skew never makes it negative. */
export function elapsedMs(since: string, now: number): number {
  return Math.max(0, now - Date.parse(since));
}
