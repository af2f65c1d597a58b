-- A thread whose opening message a moderator removed is removed with it: members no longer see it listed.
alter table thread drop constraint thread_status_check;
alter table thread add constraint thread_status_check check (status in ('PUBLISHED', 'HELD', 'REMOVED'));
