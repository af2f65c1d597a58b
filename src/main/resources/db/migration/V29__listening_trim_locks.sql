-- The fetch log and the webhook receipts are trimmed with "for update skip locked" (concurrent pushes and polls
-- of one source leave each other's rows alone instead of deadlocking), which needs the update privilege.
grant update on listening_fetch to ${app_role};
grant update on listening_webhook_receipt to ${app_role};
