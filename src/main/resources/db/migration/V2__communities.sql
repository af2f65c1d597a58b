create table community (
    tenant_id           uuid        not null references tenant (id),
    id                  uuid        not null,
    slug                text        not null,
    name                text        not null,
    description         text,
    visibility          text        not null check (visibility in ('PUBLIC', 'PRIVATE')),
    status              text        not null check (status in ('ACTIVE', 'ARCHIVED')),
    created_by_subject  text        not null,
    created_by_name     text        not null,
    created_at          timestamptz not null,
    updated_at          timestamptz not null,
    archived_at         timestamptz,
    version             bigint      not null,
    primary key (tenant_id, id),
    unique (tenant_id, slug)
);

create index community_by_created on community (tenant_id, created_at desc, id desc);
create index community_by_name on community (tenant_id, lower(name), id);
create index community_by_status on community (tenant_id, status, created_at desc);

alter table community enable row level security;
alter table community force row level security;
create policy tenant_isolation on community
    using (tenant_id = animo_current_tenant())
    with check (tenant_id = animo_current_tenant());
grant select, insert, update on community to ${app_role};
