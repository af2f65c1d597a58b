-- Crisis modes of a community: slow mode (minimum seconds between a member's messages),
-- pre-moderation (every new post is held for a moderator) and read-only (nobody posts).
alter table community add column slow_mode_seconds integer not null default 0;
alter table community add column pre_moderation boolean not null default false;
alter table community add column read_only boolean not null default false;
