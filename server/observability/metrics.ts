import { collectDefaultMetrics, Histogram, register, type Metric } from 'prom-client';

// Process-wide metrics in prom-client's default registry. Figures that need this process's database, Redis or
// sockets are read when scraped, by the per-process registry of stateMetrics.ts.

/** A module evaluated twice in one process (test isolation) must not register a metric twice. */
function once<M extends Metric>(name: string, create: () => M): M {
  return (register.getSingleMetric(name) as M | undefined) ?? create();
}

// CPU, memory, heap, GC, handles and the event loop's lag (nodejs_eventloop_lag_seconds and its percentiles).
if (!register.getSingleMetric('nodejs_eventloop_lag_seconds')) collectDefaultMetrics();

const LATENCY_BUCKETS = [0.0025, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** Time from a provider's webhook arriving to its answer, by route (sms, sms-status, voice, voice-status, …) and status. */
export const webhookSeconds = once(
  'switchboard_webhook_duration_seconds',
  () =>
    new Histogram({
      name: 'switchboard_webhook_duration_seconds',
      help: 'Time to answer a provider webhook, by route and HTTP status',
      labelNames: ['route', 'status'] as const,
      buckets: LATENCY_BUCKETS,
    }),
);

/** One routing pass, from start to its offers being committed. Observed by the routing code. */
export const routingPassSeconds = once(
  'switchboard_routing_pass_duration_seconds',
  () =>
    new Histogram({
      name: 'switchboard_routing_pass_duration_seconds',
      help: 'Duration of one routing pass',
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    }),
);

/** From an offer being made to the agent's console acknowledging its screen pop (`offer.seen`). */
export const offerToPopSeconds = once(
  'switchboard_offer_to_pop_seconds',
  () =>
    new Histogram({
      name: 'switchboard_offer_to_pop_seconds',
      help: 'Time from an offer being made to the agent console acknowledging its screen pop',
      buckets: LATENCY_BUCKETS,
    }),
);

export { register as processRegistry };
