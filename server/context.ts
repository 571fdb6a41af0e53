import type { Redis } from 'ioredis';
import type { Config } from './config';
import type { Sql } from './db/client';
import type { FileStore } from './files/fileStore';
import type { SignInLimiter } from './auth/signInLimiter';
import type { Logger } from './logger';
import type { ChannelSenders } from './outbound/channelSenders';
import type { Queues } from './queues/queues';
import type { Publisher } from './realtime/publisher';
import type { SecretBox } from './secrets/secretBox';
import type { SmsTransport } from './sms/smsTransport';
import type { VoiceTransport } from './voice/voiceTransport';

/** What commands, routes and jobs need from the running process. Built once in server/main.ts. */
export interface AppContext {
  config: Config;
  sql: Sql;
  /** Where files live (attachments, uploads, recording copies): reachable from every process (FILE_STORE). */
  files: FileStore;
  redis: Redis;
  log: Logger;
  publisher: Publisher;
  queues: Queues;
  signInLimiter: SignInLimiter;
  /** Seals and opens the secrets stored in the database (mailbox passwords) with SECRETS_KEY. */
  secrets: SecretBox;
  /** Outbound providers by channel; a channel without one uses the loopback test channel. */
  channelSenders: ChannelSenders;
  sms: SmsTransport;
  voice: VoiceTransport;
  /** This process's HTTP address once it listens (web or realtime roles), else null. */
  selfUrl: string | null;
}
