-- A clientMutationId belongs to the person (or service account) who sent it: another caller's retry
-- with the same key is another request. Keys are at most 200 characters (the API says so first).
alter table mutation_receipt add column caller_subject text not null default '';
alter table mutation_receipt drop constraint mutation_receipt_pkey;
alter table mutation_receipt add primary key (tenant_id, caller_subject, operation, client_mutation_id);
alter table mutation_receipt add constraint mutation_receipt_key_length
    check (length(client_mutation_id) <= 200) not valid;
