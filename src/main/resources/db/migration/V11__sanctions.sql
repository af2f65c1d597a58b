-- Sanctions moderators give members of a community (a warning on record, a mute, a ban), and the
-- one appeal a sanctioned member may file against each. Mutes and bans set the standing of the
-- membership; the sanctions are the record the standing is recomputed from when one is lifted.
-- The member (not the membership) is referenced: leaving a community must not erase its record.
create table sanction (
    tenant_id           uuid        not null,
    id                  uuid        not null,
    community_id        uuid        not null,
    member_id           uuid        not null,
    kind                text        not null check (kind in ('WARN', 'MUTE', 'BAN')),
    reason              text        not null,
    ends_at             timestamptz,
    moderation_item_id  uuid,
    issued_by_subject   text        not null,
    issued_by_name      text        not null,
    created_at          timestamptz not null,
    lifted_at           timestamptz,
    lifted_by_subject   text,
    lifted_by_name      text,
    lift_note           text,
    version             bigint      not null,
    primary key (tenant_id, id),
    check (kind <> 'WARN' or ends_at is null),
    check (kind <> 'MUTE' or ends_at is not null),
    foreign key (tenant_id, community_id) references community (tenant_id, id),
    foreign key (tenant_id, member_id) references member (tenant_id, id),
    foreign key (tenant_id, moderation_item_id) references moderation_item (tenant_id, id)
);

create index sanction_by_community on sanction (tenant_id, community_id, created_at desc, id desc);
create index sanction_by_member on sanction (tenant_id, community_id, member_id, created_at desc, id desc);

create table appeal (
    tenant_id           uuid        not null,
    id                  uuid        not null,
    sanction_id         uuid        not null,
    community_id        uuid        not null,
    member_id           uuid        not null,
    statement           text        not null,
    status              text        not null check (status in ('PENDING', 'UPHELD', 'OVERTURNED')),
    decided_by_subject  text,
    decided_by_name     text,
    decided_at          timestamptz,
    decision_note       text,
    created_at          timestamptz not null,
    version             bigint      not null,
    primary key (tenant_id, id),
    constraint appeal_once_per_sanction unique (tenant_id, sanction_id),
    foreign key (tenant_id, sanction_id) references sanction (tenant_id, id),
    foreign key (tenant_id, community_id) references community (tenant_id, id),
    foreign key (tenant_id, member_id) references member (tenant_id, id)
);

create index appeal_by_community on appeal (tenant_id, community_id, status, created_at, id);

alter table sanction enable row level security;
alter table sanction force row level security;
create policy tenant_isolation on sanction using (tenant_id = animo_current_tenant()) with check (tenant_id = animo_current_tenant());
grant select, insert, update on sanction to ${app_role};

alter table appeal enable row level security;
alter table appeal force row level security;
create policy tenant_isolation on appeal using (tenant_id = animo_current_tenant()) with check (tenant_id = animo_current_tenant());
grant select, insert, update on appeal to ${app_role};
