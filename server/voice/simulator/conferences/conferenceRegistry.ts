import { SimConference } from './simConference';

const RETAIN_ENDED = 200;

/** Conferences by SID; a friendly name maps to its conference until that one ends, then a new one starts. */
export class ConferenceRegistry {
  private readonly conferences = new Map<string, SimConference>();

  activeByName(name: string) {
    return this.list().find((c) => c.friendlyName === name && c.status !== 'completed');
  }

  getOrCreate(name: string) {
    const existing = this.activeByName(name);
    if (existing) return existing;
    const conference = new SimConference(name);
    this.conferences.set(conference.sid, conference);
    this.prune();
    return conference;
  }

  get(sid: string) {
    return this.conferences.get(sid);
  }

  list() {
    return [...this.conferences.values()];
  }

  private prune() {
    const ended = this.list().filter((c) => c.status === 'completed');
    for (const c of ended.slice(0, Math.max(0, ended.length - RETAIN_ENDED))) this.conferences.delete(c.sid);
  }
}
