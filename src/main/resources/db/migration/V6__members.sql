-- A member is a person of a tenant: a Keycloak subject, or an external handle for content an
-- integration ingests on someone's behalf. Memberships say who is in which community, with which
-- community role, and in which standing (mutes and bans come with sanctions).
create table member (
    tenant_id        uuid        not null references tenant (id),
    id               uuid        not null,
    subject          text,
    external_handle  text,
    display_name     text        not null,
    created_at       timestamptz not null,
    updated_at       timestamptz not null,
    version          bigint      not null,
    primary key (tenant_id, id),
    unique (tenant_id, subject),
    unique (tenant_id, external_handle),
    check (subject is not null or external_handle is not null)
);

create table community_membership (
    tenant_id     uuid        not null,
    community_id  uuid        not null,
    member_id     uuid        not null,
    role          text        not null check (role in ('OWNER', 'MODERATOR', 'MEMBER')),
    status        text        not null check (status in ('ACTIVE', 'MUTED', 'BANNED')),
    muted_until   timestamptz,
    banned_until  timestamptz,
    joined_at     timestamptz not null,
    updated_at    timestamptz not null,
    version       bigint      not null,
    primary key (tenant_id, community_id, member_id),
    foreign key (tenant_id, community_id) references community (tenant_id, id),
    foreign key (tenant_id, member_id) references member (tenant_id, id)
);

create index community_membership_by_member on community_membership (tenant_id, member_id);
create index community_membership_by_joined on community_membership (tenant_id, community_id, joined_at, member_id);

alter table member enable row level security;
alter table member force row level security;
create policy tenant_isolation on member
    using (tenant_id = animo_current_tenant())
    with check (tenant_id = animo_current_tenant());
grant select, insert, update on member to ${app_role};

alter table community_membership enable row level security;
alter table community_membership force row level security;
create policy tenant_isolation on community_membership
    using (tenant_id = animo_current_tenant())
    with check (tenant_id = animo_current_tenant());
grant select, insert, update, delete on community_membership to ${app_role};
