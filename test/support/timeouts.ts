// How long tests wait, in one place. Generous on purpose: on a loaded two-core machine a job, a sync or a socket
// event can take seconds, and a wait that is met returns at once, so only a failing test pays for the margin.
// How fast things happen belongs to the benchmarks (npm run bench), never to a test's timeout.

/** For what the system does by itself: a job, a mailbox sync, a socket event, the console catching up (expect.poll, waitFor, nextEvent). */
export const WAIT_MS = 15_000;
/** For waits that include a retry's backoff or a redelivery. */
export const LONG_WAIT_MS = 30_000;
/** For a server process to start. */
export const START_MS = 60_000;
/** How often a poll re-reads. */
export const POLL_EVERY_MS = 100;
/** A test's own budget: room for a few waits. */
export const TEST_MS = 60_000;
