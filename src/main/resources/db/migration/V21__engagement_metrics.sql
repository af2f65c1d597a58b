-- Engagement metrics (ARCHITECTURE §7). The activity table is the durable log every metric is counted from:
-- each row records the transaction that wrote it (tx), and the aggregator counts the rows of every transaction
-- that has ended below a watermark, exactly once, into per-minute, per-hour and per-day buckets.

-- what the content said (messages, thread openings, ingested mentions) and which object the activity is about
alter table activity add column sentiment text check (sentiment in ('POSITIVE', 'NEUTRAL', 'NEGATIVE'));
alter table activity add column subject_id uuid;
alter table activity add column tx xid8 not null default pg_current_xact_id();

create index activity_by_tx on activity (tx);
create index activity_by_tenant on activity (tenant_id, occurred_at);
create index activity_by_member on activity (tenant_id, member_id, occurred_at);

-- The aggregator reads every tenant's new activities in one pass (it declares itself with animo.aggregating);
-- nothing else does: tenant work keeps seeing its own rows only.
create policy metrics_aggregation on activity for select
    using (current_setting('animo.aggregating', true) = 'on');

-- Language and sentiment of each message, set when it is stored (and again when it is edited).
alter table message add column language text;
alter table message add column sentiment text check (sentiment in ('POSITIVE', 'NEUTRAL', 'NEGATIVE'));
alter table message add column sentiment_score real;

-- Counts per community, metric and bucket. Day buckets are UTC days.
create table metric_bucket (
    tenant_id     uuid        not null references tenant (id),
    granularity   text        not null check (granularity in ('MINUTE', 'HOUR', 'DAY')),
    community_id  uuid        not null,
    bucket_start  timestamptz not null,
    metric        text        not null,
    value         bigint      not null,
    primary key (tenant_id, granularity, community_id, bucket_start, metric)
);

create index metric_bucket_by_tenant on metric_bucket (tenant_id, granularity, bucket_start);

alter table metric_bucket enable row level security;
alter table metric_bucket force row level security;
create policy tenant_isolation on metric_bucket using (tenant_id = animo_current_tenant()) with check (tenant_id = animo_current_tenant());
create policy metrics_aggregation on metric_bucket
    using (current_setting('animo.aggregating', true) = 'on')
    with check (current_setting('animo.aggregating', true) = 'on');
grant select, insert, update, delete on metric_bucket to ${app_role};

-- How far the aggregator has counted: every activity written by a transaction below this id is in the buckets.
create table metric_watermark (
    id               integer     primary key check (id = 1),
    counted_below    xid8        not null,
    updated_at       timestamptz not null
);
insert into metric_watermark values (1, '0'::xid8, now());
grant select, update on metric_watermark to ${app_role};

-- Terms a tenant follows (a product, a brand, a feature) and the content that mentions them.
create table tracked_term (
    tenant_id           uuid        not null references tenant (id),
    id                  uuid        not null,
    term                text        not null,
    created_by_subject  text        not null,
    created_by_name     text        not null,
    created_at          timestamptz not null,
    primary key (tenant_id, id)
);

create unique index tracked_term_once on tracked_term (tenant_id, lower(term));

alter table tracked_term enable row level security;
alter table tracked_term force row level security;
create policy tenant_isolation on tracked_term using (tenant_id = animo_current_tenant()) with check (tenant_id = animo_current_tenant());
grant select, insert, delete on tracked_term to ${app_role};

create table term_mention (
    tenant_id     uuid        not null,
    term_id       uuid        not null,
    message_id    uuid        not null,
    community_id  uuid        not null,
    sentiment     text        check (sentiment in ('POSITIVE', 'NEUTRAL', 'NEGATIVE')),
    occurred_at   timestamptz not null,
    primary key (tenant_id, term_id, message_id),
    foreign key (tenant_id, term_id) references tracked_term (tenant_id, id) on delete cascade
);

create index term_mention_by_time on term_mention (tenant_id, term_id, occurred_at);

alter table term_mention enable row level security;
alter table term_mention force row level security;
create policy tenant_isolation on term_mention using (tenant_id = animo_current_tenant()) with check (tenant_id = animo_current_tenant());
create policy metrics_aggregation on term_mention
    using (current_setting('animo.aggregating', true) = 'on')
    with check (current_setting('animo.aggregating', true) = 'on');
create policy metrics_aggregation_terms on tracked_term for select
    using (current_setting('animo.aggregating', true) = 'on');
create policy metrics_aggregation_messages on message for select
    using (current_setting('animo.aggregating', true) = 'on');
grant select, insert, delete on term_mention to ${app_role};
