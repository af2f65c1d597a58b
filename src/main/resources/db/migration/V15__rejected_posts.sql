-- Posts the rules rejected are not stored, but the moderation report counts them: who, where,
-- when and which rules (names joined with ', ', as on moderation_item.rule_names).
create table rejected_post (
    tenant_id     uuid        not null,
    id            uuid        not null,
    community_id  uuid        not null,
    member_id     uuid        not null,
    rule_names    text        not null,
    occurred_at   timestamptz not null,
    primary key (tenant_id, id),
    foreign key (tenant_id, community_id) references community (tenant_id, id),
    foreign key (tenant_id, member_id) references member (tenant_id, id)
);

create index rejected_post_by_time on rejected_post (tenant_id, occurred_at);
create index moderation_item_by_decision on moderation_item (tenant_id, decided_at);
create index moderation_item_by_creation on moderation_item (tenant_id, created_at);

alter table rejected_post enable row level security;
alter table rejected_post force row level security;
create policy tenant_isolation on rejected_post using (tenant_id = animo_current_tenant()) with check (tenant_id = animo_current_tenant());
grant select, insert on rejected_post to ${app_role};
