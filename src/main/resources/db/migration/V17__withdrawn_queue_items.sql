-- An author who deletes a message that waits for a moderator withdraws it from the queue.
alter table moderation_item drop constraint moderation_item_status_check;
alter table moderation_item add constraint moderation_item_status_check
    check (status in ('OPEN', 'CLAIMED', 'APPROVED', 'REMOVED', 'ESCALATED', 'WITHDRAWN'));
