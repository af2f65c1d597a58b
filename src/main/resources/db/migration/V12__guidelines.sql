-- Community guidelines: ordered, versioned (every previous version kept), acknowledged by members.
-- guidelines_revision counts every change to a community's guidelines (create, edit, delete, reorder);
-- a member who acknowledged an older revision must read them again before posting, when required.
alter table community add column guidelines_revision integer not null default 0;
alter table community add column guidelines_acknowledgement_required boolean not null default false;

create table guideline (
    tenant_id           uuid        not null,
    id                  uuid        not null,
    community_id        uuid        not null,
    position            integer     not null check (position >= 1),
    title               text        not null,
    body                text        not null,
    revision            integer     not null check (revision >= 1),
    created_at          timestamptz not null,
    created_by_subject  text        not null,
    created_by_name     text        not null,
    updated_at          timestamptz not null,
    updated_by_subject  text        not null,
    updated_by_name     text        not null,
    deleted             boolean     not null default false,
    version             bigint      not null,
    primary key (tenant_id, id),
    foreign key (tenant_id, community_id) references community (tenant_id, id)
);

create index guideline_by_position on guideline (tenant_id, community_id, position) where not deleted;

-- Every previous version of a guideline: who wrote it and when.
create table guideline_revision (
    tenant_id           uuid        not null,
    guideline_id        uuid        not null,
    revision            integer     not null,
    title               text        not null,
    body                text        not null,
    edited_by_subject   text        not null,
    edited_by_name      text        not null,
    edited_at           timestamptz not null,
    primary key (tenant_id, guideline_id, revision),
    foreign key (tenant_id, guideline_id) references guideline (tenant_id, id)
);

-- The latest guidelines revision each member acknowledged, per community.
create table guideline_acknowledgement (
    tenant_id           uuid        not null,
    community_id        uuid        not null,
    member_id           uuid        not null,
    revision            integer     not null,
    acknowledged_at     timestamptz not null,
    primary key (tenant_id, community_id, member_id),
    foreign key (tenant_id, community_id) references community (tenant_id, id),
    foreign key (tenant_id, member_id) references member (tenant_id, id)
);

alter table guideline enable row level security;
alter table guideline force row level security;
create policy tenant_isolation on guideline using (tenant_id = animo_current_tenant()) with check (tenant_id = animo_current_tenant());
grant select, insert, update on guideline to ${app_role};

alter table guideline_revision enable row level security;
alter table guideline_revision force row level security;
create policy tenant_isolation on guideline_revision using (tenant_id = animo_current_tenant()) with check (tenant_id = animo_current_tenant());
grant select, insert on guideline_revision to ${app_role};

alter table guideline_acknowledgement enable row level security;
alter table guideline_acknowledgement force row level security;
create policy tenant_isolation on guideline_acknowledgement using (tenant_id = animo_current_tenant()) with check (tenant_id = animo_current_tenant());
grant select, insert, update on guideline_acknowledgement to ${app_role};
