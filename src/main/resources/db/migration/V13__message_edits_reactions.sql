-- Members edit their messages (previous bodies kept as revisions), delete them (status DELETED,
-- body cleared, the row stays so replies keep their parent), and react to them. Moderators and
-- community owners pin and lock threads; pinned threads are listed first.
alter table message drop constraint message_status_check;
alter table message add constraint message_status_check check (status in ('PUBLISHED', 'HELD', 'REMOVED', 'DELETED'));
alter table message add column edited_at timestamptz;

drop index thread_by_community;
create index thread_by_community on thread (tenant_id, community_id, pinned desc, created_at desc, id desc);

-- revision n is the n-th body of the message (1 = as first posted); edited_at: when an edit replaced it
create table message_revision (
    tenant_id   uuid        not null,
    message_id  uuid        not null,
    revision    integer     not null,
    body        text        not null,
    edited_at   timestamptz not null,
    primary key (tenant_id, message_id, revision),
    foreign key (tenant_id, message_id) references message (tenant_id, id)
);

create table message_reaction (
    tenant_id   uuid        not null,
    message_id  uuid        not null,
    member_id   uuid        not null,
    kind        text        not null check (kind in ('LIKE', 'LOVE', 'LAUGH', 'INSIGHTFUL', 'SUPPORT', 'SAD', 'ANGRY')),
    created_at  timestamptz not null,
    primary key (tenant_id, message_id, member_id, kind),
    foreign key (tenant_id, message_id) references message (tenant_id, id),
    foreign key (tenant_id, member_id) references member (tenant_id, id)
);

alter table message_revision enable row level security;
alter table message_revision force row level security;
create policy tenant_isolation on message_revision using (tenant_id = animo_current_tenant()) with check (tenant_id = animo_current_tenant());
grant select, insert, delete on message_revision to ${app_role};

alter table message_reaction enable row level security;
alter table message_reaction force row level security;
create policy tenant_isolation on message_reaction using (tenant_id = animo_current_tenant()) with check (tenant_id = animo_current_tenant());
grant select, insert, delete on message_reaction to ${app_role};
