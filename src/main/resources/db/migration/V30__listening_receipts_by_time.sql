-- Receipts older than the signature tolerance are trimmed at each push: found by time, not by a scan of the
-- source's receipts (bench/ingestion.sh slowed down threefold as they piled up).
create index listening_webhook_receipt_by_time on listening_webhook_receipt (tenant_id, source_id, received_at);
