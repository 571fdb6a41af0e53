-- Files every process can reach (server/files/): with FILE_STORE=postgres (the default) their bytes live here, named
-- by their sha256, each stored once however many rows name it. A row's `location` names a stored file as
-- `files:<sha256>`; `attachments/<sha256>` is a file an older version kept under one machine's DATA_DIR, moved into
-- the store (and its rows rewritten) at start-up by the process that has it.

create table files (
  id bigint generated always as identity primary key,
  -- The sha256 of the bytes (hex); null while they are still arriving, so no reader ever sees half a file.
  key text unique check (key ~ '^[0-9a-f]{64}$'),
  size_bytes bigint check (size_bytes >= 0),
  -- Every chunk but the last holds exactly this many bytes, so a byte range names its chunks without reading others.
  chunk_bytes int not null check (chunk_bytes > 0),
  created_at timestamptz not null default now(),
  check ((key is null) = (size_bytes is null))
);
-- Bytes that never became a file (the process died while they arrived) are found by age and removed.
create index files_unfinished on files (created_at) where key is null;

create table file_chunks (
  file_id bigint not null references files(id) on delete cascade,
  seq int not null check (seq >= 0),
  data bytea not null,
  primary key (file_id, seq)
);
-- Out of line and uncompressed: most attachments and recordings are compressed already, and reading a range of an
-- uncompressed value does not decompress the whole of it.
alter table file_chunks alter column data set storage external;

-- Rows still naming a file under a DATA_DIR: what the start-up move looks for, rewritten one file at a time.
create index message_attachments_on_disk on message_attachments (location) where location like 'attachments/%';
create index uploads_on_disk on uploads (location) where location like 'attachments/%';

-- A copy of each finished call recording (a conversation's or a voicemail's) in the file store, so it plays without
-- Twilio. Until `file_key` is set the recording is streamed from Twilio; a copy job that was lost (a Redis flush, a
-- dead worker) is added again from these rows by the recording-copy sweep.
create table recording_copies (
  recording_sid text primary key,
  -- Twilio's RecordingUrl as the status callback gave it (without extension).
  recording_url text not null,
  file_key text check (file_key ~ '^[0-9a-f]{64}$'),
  content_type text,
  size_bytes bigint check (size_bytes >= 0),
  -- Rounds of retries that failed; each round is one job with its own retries, a later round comes from the sweep.
  failed_rounds int not null default 0,
  last_error text,
  last_failed_at timestamptz,
  -- Set when no later round can help (Twilio no longer has it, or its address is not Twilio's): not tried again.
  given_up_at timestamptz,
  created_at timestamptz not null default now(),
  copied_at timestamptz
);
create index recording_copies_pending on recording_copies (created_at) where file_key is null and given_up_at is null;
