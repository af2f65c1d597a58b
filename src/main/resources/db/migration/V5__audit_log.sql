-- Append-only audit log of changes to communities and moderation rules (and, later, every
-- moderation decision). The app role may insert and read, never update or delete: the database
-- itself keeps the log append-only.
create table audit_entry (
    tenant_id       uuid        not null references tenant (id),
    id              uuid        not null,
    occurred_at     timestamptz not null,
    actor_subject   text        not null,
    actor_name      text        not null,
    action          text        not null,
    target_type     text        not null,
    target_id       uuid        not null,
    summary         text        not null,
    primary key (tenant_id, id)
);

create index audit_entry_by_time on audit_entry (tenant_id, occurred_at desc, id desc);
create index audit_entry_by_target on audit_entry (tenant_id, target_id, occurred_at desc);

alter table audit_entry enable row level security;
alter table audit_entry force row level security;
create policy tenant_isolation on audit_entry
    using (tenant_id = animo_current_tenant())
    with check (tenant_id = animo_current_tenant());
grant select, insert on audit_entry to ${app_role};
