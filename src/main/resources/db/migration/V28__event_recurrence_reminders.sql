-- Events may repeat (an RFC 5545 RRULE) and remind: some minutes before an event starts, the tenant's webhooks
-- hear of it (event.reminder) with who is going. The reminder scheduler reads every tenant's due events (it
-- declares itself with animo.reminding); tenant work sees its own rows only.
alter table event add column recurrence text;
alter table event add column remind_before_minutes integer check (remind_before_minutes between 5 and 10080);
alter table event add column reminded_at timestamptz;

create index event_reminders_due on event (starts_at)
    where status = 'SCHEDULED' and reminded_at is null and remind_before_minutes is not null;

create policy event_reminders on event for select
    using (current_setting('animo.reminding', true) = 'on');
