-- Bugs and suggestions members report, triaged by staff, voted on by members.
create table feedback_report (
    tenant_id           uuid        not null,
    id                  uuid        not null,
    community_id        uuid        not null,
    kind                text        not null check (kind in ('BUG', 'SUGGESTION')),
    title               text        not null,
    body                text        not null,
    message_id          uuid,
    severity            text        not null check (severity in ('LOW', 'MEDIUM', 'HIGH', 'CRITICAL')),
    status              text        not null check (status in ('NEW', 'CONFIRMED', 'IN_PROGRESS', 'FIXED', 'WONT_FIX', 'DUPLICATE')),
    duplicate_of        uuid,
    reporter_member_id  uuid        not null,
    votes               integer     not null,
    created_at          timestamptz not null,
    updated_at          timestamptz not null,
    version             bigint      not null,
    primary key (tenant_id, id),
    foreign key (tenant_id, community_id) references community (tenant_id, id),
    foreign key (tenant_id, message_id) references message (tenant_id, id),
    foreign key (tenant_id, duplicate_of) references feedback_report (tenant_id, id),
    foreign key (tenant_id, reporter_member_id) references member (tenant_id, id)
);

create index feedback_report_by_age on feedback_report (tenant_id, community_id, created_at desc, id desc);
create index feedback_report_by_votes on feedback_report (tenant_id, community_id, votes desc, created_at desc, id desc);

create table feedback_vote (
    tenant_id   uuid        not null,
    report_id   uuid        not null,
    member_id   uuid        not null,
    created_at  timestamptz not null,
    primary key (tenant_id, report_id, member_id),
    foreign key (tenant_id, report_id) references feedback_report (tenant_id, id),
    foreign key (tenant_id, member_id) references member (tenant_id, id)
);

alter table feedback_report enable row level security;
alter table feedback_report force row level security;
create policy tenant_isolation on feedback_report using (tenant_id = animo_current_tenant()) with check (tenant_id = animo_current_tenant());
grant select, insert, update on feedback_report to ${app_role};

alter table feedback_vote enable row level security;
alter table feedback_vote force row level security;
create policy tenant_isolation on feedback_vote using (tenant_id = animo_current_tenant()) with check (tenant_id = animo_current_tenant());
grant select, insert on feedback_vote to ${app_role};
