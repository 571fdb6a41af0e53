-- Surveys and customer health, gaps of issue 18.

-- A keypad survey's spoken comment is a Twilio recording: its RecordingSid names its copy in `recording_copies`
-- (the same crash-safe copy call recordings get), so staff play it from our file store, not from Twilio.
alter table surveys add column comment_recording_sid text;
-- Comments recorded before: their sid is the last segment of Twilio's RecordingUrl; the copy sweep copies them.
update surveys set comment_recording_sid = substring(comment_recording_url from '/Recordings/(RE[0-9A-Za-z]+)$')
where comment_recording_url is not null;
insert into recording_copies (recording_sid, recording_url)
  select comment_recording_sid, comment_recording_url from surveys where comment_recording_sid is not null
  on conflict (recording_sid) do nothing;

-- The health sweep walks changed tickets in (updated_at, id) order and remembers the last one it processed, so a
-- burst larger than one sweep's batch drains over successive sweeps (ties on updated_at, as one bulk update makes,
-- are split by id).
alter table health_sweeps add column swept_ticket_id uuid;
create index tickets_updated_keyset on tickets (updated_at, id);

-- The supervisors' list of recent low scores, with or without a comment, by when they came in.
create index surveys_low_scores on surveys (answered_at) where low_score;
