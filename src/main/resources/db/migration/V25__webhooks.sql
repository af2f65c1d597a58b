-- Signed outbound webhooks: a tenant's endpoints, and a durable outbox of deliveries written in the transaction
-- of what they announce. The dispatcher reads every tenant's due deliveries (it declares itself with
-- animo.delivering); tenant work sees its own rows only.
create table webhook_endpoint (
    tenant_id   uuid        not null references tenant (id),
    id          uuid        not null,
    url         text        not null,
    secret      text        not null,
    event_types text[]      not null,
    created_at  timestamptz not null,
    deleted_at  timestamptz,
    primary key (tenant_id, id)
);

create table webhook_delivery (
    tenant_id       uuid        not null references tenant (id),
    id              uuid        not null,
    -- the order of deliveries, kept per endpoint: one is sent only when those before it are done
    seq             bigint      generated always as identity,
    endpoint_id     uuid        not null,
    event_type      text        not null,
    payload         text        not null,
    status          text        not null check (status in ('PENDING', 'DELIVERED', 'FAILED')),
    attempts        integer     not null default 0,
    next_attempt_at timestamptz not null,
    last_status     integer,
    last_error      text,
    created_at      timestamptz not null,
    delivered_at    timestamptz,
    primary key (tenant_id, id),
    foreign key (tenant_id, endpoint_id) references webhook_endpoint (tenant_id, id)
);
create index webhook_delivery_due on webhook_delivery (next_attempt_at, seq) where status = 'PENDING';
create index webhook_delivery_by_endpoint on webhook_delivery (tenant_id, endpoint_id, seq);

alter table webhook_endpoint enable row level security;
alter table webhook_endpoint force row level security;
create policy tenant_isolation on webhook_endpoint using (tenant_id = animo_current_tenant()) with check (tenant_id = animo_current_tenant());
create policy webhook_dispatch on webhook_endpoint for select using (current_setting('animo.delivering', true) = 'on');
grant select, insert, update on webhook_endpoint to ${app_role};

alter table webhook_delivery enable row level security;
alter table webhook_delivery force row level security;
create policy tenant_isolation on webhook_delivery using (tenant_id = animo_current_tenant()) with check (tenant_id = animo_current_tenant());
create policy webhook_dispatch on webhook_delivery
    using (current_setting('animo.delivering', true) = 'on')
    with check (current_setting('animo.delivering', true) = 'on');
grant select, insert, update on webhook_delivery to ${app_role};
