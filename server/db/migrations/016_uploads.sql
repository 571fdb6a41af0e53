-- Files agents upload to attach to email replies. The bytes stream into the attachment store (by content, under
-- DATA_DIR); the row says whose upload it is, since a reply may attach only its author's own uploads.
create table uploads (
  id uuid primary key default gen_random_uuid(),
  uploader_id uuid not null references users(id) on delete cascade,
  filename text not null,
  content_type text not null,
  size_bytes bigint not null check (size_bytes >= 0),
  location text not null,
  created_at timestamptz not null default now()
);
create index uploads_uploader on uploads (uploader_id, created_at);
