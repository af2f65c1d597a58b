-- Listening: the outside places where a tenant's brand is discussed (feeds, forums, groups, blogs, webhook sources),
-- what they say (mentions), and how each fetch went. The poller claims due feeds of every tenant with a lease
-- (declaring itself with animo.listening); the public inbound-webhook endpoint finds its source the same way.
create table listening_source (
    tenant_id             uuid        not null references tenant (id),
    id                    uuid        not null,
    kind                  text        not null check (kind in ('FEED', 'FORUM', 'GROUP', 'BLOG', 'WEBHOOK')),
    name                  text        not null,
    url                   text,
    handle                text,
    community_id          uuid        not null,
    language              text,
    tags                  text[]      not null,
    reach                 bigint      check (reach >= 0),
    status                text        not null check (status in ('ACTIVE', 'PAUSED')),
    poll_interval_seconds integer     not null check (poll_interval_seconds between 60 and 86400),
    next_poll_at          timestamptz,
    lease_until           timestamptz,
    etag                  text,
    last_modified         text,
    consecutive_failures  integer     not null default 0,
    last_polled_at        timestamptz,
    last_error            text,
    last_error_at         timestamptz,
    webhook_secret        text,
    created_at            timestamptz not null,
    primary key (tenant_id, id),
    foreign key (tenant_id, community_id) references community (tenant_id, id)
);
create index listening_source_due on listening_source (next_poll_at) where status = 'ACTIVE' and url is not null;

create table listening_mention (
    tenant_id    uuid        not null,
    id           uuid        not null,
    source_id    uuid        not null,
    -- the entry's own id (guid, Atom id, or its link) within the source: a mention is stored once
    entry_key    text        not null,
    title        text,
    url          text,
    author       text,
    body         text        not null,
    language     text,
    sentiment    text        check (sentiment in ('POSITIVE', 'NEUTRAL', 'NEGATIVE')),
    published_at timestamptz,
    received_at  timestamptz not null,
    primary key (tenant_id, id),
    unique (tenant_id, source_id, entry_key),
    foreign key (tenant_id, source_id) references listening_source (tenant_id, id)
);
create index listening_mention_by_source on listening_mention (tenant_id, source_id, received_at desc, id desc);

create table listening_fetch (
    tenant_id    uuid        not null,
    id           uuid        not null,
    source_id    uuid        not null,
    at           timestamptz not null,
    outcome      text        not null check (outcome in ('FETCHED', 'NOT_MODIFIED', 'FAILED', 'RECEIVED')),
    http_status  integer,
    new_mentions integer     not null,
    error        text,
    duration_ms  integer     not null,
    primary key (tenant_id, id),
    foreign key (tenant_id, source_id) references listening_source (tenant_id, id)
);
create index listening_fetch_by_source on listening_fetch (tenant_id, source_id, at desc);

-- Signatures of inbound webhook requests already accepted, kept while their timestamp is acceptable: a replay is refused.
create table listening_webhook_receipt (
    tenant_id    uuid        not null,
    source_id    uuid        not null,
    signature    text        not null,
    received_at  timestamptz not null,
    primary key (tenant_id, source_id, signature)
);

alter table listening_source enable row level security;
alter table listening_source force row level security;
create policy tenant_isolation on listening_source using (tenant_id = animo_current_tenant()) with check (tenant_id = animo_current_tenant());
create policy listening_poll on listening_source
    using (current_setting('animo.listening', true) = 'on')
    with check (current_setting('animo.listening', true) = 'on');
grant select, insert, update on listening_source to ${app_role};

alter table listening_mention enable row level security;
alter table listening_mention force row level security;
create policy tenant_isolation on listening_mention using (tenant_id = animo_current_tenant()) with check (tenant_id = animo_current_tenant());
grant select, insert on listening_mention to ${app_role};

alter table listening_fetch enable row level security;
alter table listening_fetch force row level security;
create policy tenant_isolation on listening_fetch using (tenant_id = animo_current_tenant()) with check (tenant_id = animo_current_tenant());
grant select, insert, delete on listening_fetch to ${app_role};

alter table listening_webhook_receipt enable row level security;
alter table listening_webhook_receipt force row level security;
create policy tenant_isolation on listening_webhook_receipt using (tenant_id = animo_current_tenant()) with check (tenant_id = animo_current_tenant());
grant select, insert, delete on listening_webhook_receipt to ${app_role};

-- The aggregator finds tracked terms in new mentions as it does in new messages.
create policy metrics_aggregation on listening_mention for select
    using (current_setting('animo.aggregating', true) = 'on');
