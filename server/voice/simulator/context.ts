import type { CallRegistry } from './calls/callRegistry';
import type { EndpointDirectory } from './calls/endpointDirectory';
import type { ConferenceRegistry } from './conferences/conferenceRegistry';
import type { QueueRegistry } from './queues/queueRegistry';
import type { RecordingStore } from './recordings/recordingStore';
import type { SimClock } from './simClock';
import type { IncomingNumberConfig } from './types';
import type { WebhookTarget } from './webhooks/signedWebhook';

/** Everything one simulated Twilio account holds, shared by the REST API, the TwiML engine and the driver. */
export interface SimContext {
  accountSid: string;
  authToken: string;
  clock: SimClock;
  webhook: WebhookTarget;
  calls: CallRegistry;
  queues: QueueRegistry;
  conferences: ConferenceRegistry;
  recordings: RecordingStore;
  endpoints: EndpointDirectory;
  /** The company number's configuration, read when a call comes in. */
  incomingNumber: (number: string) => IncomingNumberConfig | undefined;
}
