-- The tenant registry. Not tenant-owned (it maps a Keycloak realm to a tenant), so it is the
-- one table without row-level security; the app role can read it and change only what
-- provisioning and suspension need.
create table tenant (
    id          uuid        primary key,
    realm       text        not null unique,
    name        text        not null,
    status      text        not null check (status in ('ACTIVE', 'SUSPENDED')),
    created_at  timestamptz not null,
    updated_at  timestamptz not null,
    version     bigint      not null default 0
);

grant select, insert, update on tenant to ${app_role};

-- Every tenant-owned table gets this policy: a transaction sees and writes only the rows of the
-- tenant it declared with set_config('animo.tenant_id', ..., true).
create function animo_current_tenant() returns uuid
    language sql stable
    as $$ select nullif(current_setting('animo.tenant_id', true), '')::uuid $$;

grant execute on function animo_current_tenant() to ${app_role};

-- Retried creates carry a clientMutationId: the first result is remembered per tenant and operation.
create table mutation_receipt (
    tenant_id           uuid        not null references tenant (id),
    operation           text        not null,
    client_mutation_id  text        not null,
    entity_id           uuid        not null,
    created_at          timestamptz not null,
    primary key (tenant_id, operation, client_mutation_id)
);

alter table mutation_receipt enable row level security;
alter table mutation_receipt force row level security;
create policy tenant_isolation on mutation_receipt
    using (tenant_id = animo_current_tenant())
    with check (tenant_id = animo_current_tenant());
grant select, insert on mutation_receipt to ${app_role};
