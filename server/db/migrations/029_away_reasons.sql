-- Away reasons (reason codes): why an agent is away, chosen by the agent or a supervisor (issue 19: "away with a
-- reason"). Admins edit the list; a reason taken off it is retired (active = false), never deleted, so the agents'
-- rows and the presence facts that name it keep their labels for the reports.
create table away_reasons (
  code text primary key check (code ~ '^[a-z][a-z0-9_-]{0,39}$'),
  label_en text not null check (length(label_en) between 1 and 60),
  label_zh_cn text not null check (length(label_zh_cn) between 1 and 60),
  position int not null,
  active boolean not null default true
);

insert into away_reasons (code, label_en, label_zh_cn, position) values
  ('break', 'Break', '休息', 1),
  ('lunch', 'Lunch', '午餐', 2),
  ('meeting', 'Meeting', '会议', 3),
  ('training', 'Training', '培训', 4),
  ('other', 'Other', '其他', 5);

-- The reason code of the current away spell (null when not away, or away set by the system or without a reason);
-- presence_events.reason stays who or what set the presence (console, missed-offer, supervisor, ...).
alter table users add column away_reason text references away_reasons(code);
alter table presence_events add column away_reason text references away_reasons(code);
