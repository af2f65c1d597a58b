-- Threads and their messages. Every message passed the community's rules before it was stored:
-- status says whether members can see it (PUBLISHED) or it waits for a moderator (HELD).
create table thread (
    tenant_id         uuid        not null,
    id                uuid        not null,
    community_id      uuid        not null,
    kind              text        not null check (kind in ('DISCUSSION', 'QUESTION', 'ANNOUNCEMENT')),
    title             text        not null,
    author_member_id  uuid        not null,
    status            text        not null check (status in ('PUBLISHED', 'HELD')),
    pinned            boolean     not null,
    locked            boolean     not null,
    created_at        timestamptz not null,
    updated_at        timestamptz not null,
    version           bigint      not null,
    primary key (tenant_id, id),
    foreign key (tenant_id, community_id) references community (tenant_id, id),
    foreign key (tenant_id, author_member_id) references member (tenant_id, id)
);

create index thread_by_community on thread (tenant_id, community_id, created_at desc, id desc);

create table message (
    tenant_id         uuid        not null,
    id                uuid        not null,
    thread_id         uuid        not null,
    community_id      uuid        not null,
    parent_id         uuid,
    author_member_id  uuid        not null,
    body              text        not null,
    status            text        not null check (status in ('PUBLISHED', 'HELD')),
    flagged           boolean     not null,
    moderation_note   text,
    created_at        timestamptz not null,
    updated_at        timestamptz not null,
    version           bigint      not null,
    primary key (tenant_id, id),
    foreign key (tenant_id, thread_id) references thread (tenant_id, id),
    foreign key (tenant_id, parent_id) references message (tenant_id, id),
    foreign key (tenant_id, author_member_id) references member (tenant_id, id)
);

create index message_by_thread on message (tenant_id, thread_id, created_at, id);
create index message_by_author on message (tenant_id, author_member_id, created_at desc);

-- Every action of a member, for the engagement metrics that come later (ARCHITECTURE §7).
create table activity (
    tenant_id     uuid        not null,
    id            uuid        not null,
    community_id  uuid        not null,
    member_id     uuid        not null,
    kind          text        not null,
    occurred_at   timestamptz not null,
    primary key (tenant_id, id)
);

create index activity_by_community on activity (tenant_id, community_id, occurred_at);

alter table thread enable row level security;
alter table thread force row level security;
create policy tenant_isolation on thread using (tenant_id = animo_current_tenant()) with check (tenant_id = animo_current_tenant());
grant select, insert, update on thread to ${app_role};

alter table message enable row level security;
alter table message force row level security;
create policy tenant_isolation on message using (tenant_id = animo_current_tenant()) with check (tenant_id = animo_current_tenant());
grant select, insert, update on message to ${app_role};

alter table activity enable row level security;
alter table activity force row level security;
create policy tenant_isolation on activity using (tenant_id = animo_current_tenant()) with check (tenant_id = animo_current_tenant());
grant select, insert on activity to ${app_role};
