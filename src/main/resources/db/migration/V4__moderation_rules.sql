-- Automated moderation rules, for the whole tenant (community_id null) or one community.
-- The matcher's own fields (keywords, pattern, domains, thresholds) are kept as JSON text:
-- they depend on the kind and are only ever read whole, to compile the rule set.
create table moderation_rule (
    tenant_id           uuid        not null references tenant (id),
    id                  uuid        not null,
    community_id        uuid,
    name                text        not null,
    kind                text        not null,
    matcher             text        not null,
    action              text        not null,
    severity            text        not null,
    mute_minutes        integer,
    enabled             boolean     not null,
    created_by_subject  text        not null,
    created_by_name     text        not null,
    created_at          timestamptz not null,
    updated_at          timestamptz not null,
    version             bigint      not null,
    primary key (tenant_id, id),
    foreign key (tenant_id, community_id) references community (tenant_id, id)
);

create index moderation_rule_by_scope on moderation_rule (tenant_id, community_id, created_at, id);

alter table moderation_rule enable row level security;
alter table moderation_rule force row level security;
create policy tenant_isolation on moderation_rule
    using (tenant_id = animo_current_tenant())
    with check (tenant_id = animo_current_tenant());
grant select, insert, update, delete on moderation_rule to ${app_role};
