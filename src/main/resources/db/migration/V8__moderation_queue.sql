-- The moderation queue: one item per message, opened by a rule (flag, hold) or by member reports.
alter table message drop constraint message_status_check;
alter table message add constraint message_status_check check (status in ('PUBLISHED', 'HELD', 'REMOVED'));

create table moderation_item (
    tenant_id           uuid        not null,
    id                  uuid        not null,
    community_id        uuid        not null,
    message_id          uuid        not null,
    reason              text        not null check (reason in ('RULE_FLAG', 'RULE_HOLD', 'REPORT')),
    status              text        not null check (status in ('OPEN', 'CLAIMED', 'APPROVED', 'REMOVED', 'ESCALATED')),
    priority            integer     not null,
    report_count        integer     not null,
    rule_names          text,
    claimed_by_subject  text,
    claimed_by_name     text,
    decided_by_subject  text,
    decided_by_name     text,
    decided_at          timestamptz,
    decision_note       text,
    created_at          timestamptz not null,
    updated_at          timestamptz not null,
    version             bigint      not null,
    primary key (tenant_id, id),
    unique (tenant_id, message_id),
    foreign key (tenant_id, message_id) references message (tenant_id, id)
);

create index moderation_item_by_age on moderation_item (tenant_id, community_id, status, created_at, id);
create index moderation_item_by_priority on moderation_item (tenant_id, community_id, status, priority desc, created_at, id);

create table content_report (
    tenant_id           uuid        not null,
    id                  uuid        not null,
    message_id          uuid        not null,
    reporter_member_id  uuid        not null,
    reason              text        not null,
    created_at          timestamptz not null,
    primary key (tenant_id, id),
    unique (tenant_id, message_id, reporter_member_id),
    foreign key (tenant_id, message_id) references message (tenant_id, id),
    foreign key (tenant_id, reporter_member_id) references member (tenant_id, id)
);

alter table moderation_item enable row level security;
alter table moderation_item force row level security;
create policy tenant_isolation on moderation_item using (tenant_id = animo_current_tenant()) with check (tenant_id = animo_current_tenant());
grant select, insert, update on moderation_item to ${app_role};

alter table content_report enable row level security;
alter table content_report force row level security;
create policy tenant_isolation on content_report using (tenant_id = animo_current_tenant()) with check (tenant_id = animo_current_tenant());
grant select, insert on content_report to ${app_role};
