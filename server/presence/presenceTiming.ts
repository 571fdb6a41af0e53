/**
 * The clock of shared presence. A console's row says it is there until `alive_until`; its realtime process
 * pushes that forward every beat. When the process dies the row runs out by itself, and any sweep then
 * counts the grace period from there. Worst case after a crash: lifetime + sweep interval (8 s) beyond
 * PRESENCE_GRACE_SECONDS, inside the "grace + 10 s" that presence promises.
 */

/** How often a realtime process vouches for all of its consoles (one statement for all of them). */
export const HEARTBEAT_MS = 2000;

/**
 * How long one heartbeat vouches for a console: three beats, so late or failed beats on a busy process or database
 * are harmless. A row that lapses while its console is still there only matters if beats stay away for the grace
 * period too.
 */
export const CONNECTION_LIFETIME_SECONDS = 6;

/** How often the worker's sweep looks for agents whose consoles are all gone. */
export const SWEEP_EVERY_MS = 2000;
