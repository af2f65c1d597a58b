-- Crisis alerts: a spike in a community's minute figures against its own recent baseline.
create table alert (
    tenant_id               uuid             not null references tenant (id),
    id                      uuid             not null,
    community_id            uuid             not null,
    kind                    text             not null check (kind in ('VOLUME_SPIKE', 'NEGATIVE_SHARE_SPIKE',
                                                                      'REPORTS_SPIKE', 'NEW_MEMBER_SURGE')),
    status                  text             not null check (status in ('OPEN', 'ACKNOWLEDGED', 'RESOLVED')),
    minute                  timestamptz      not null,
    observed                double precision not null,
    baseline                double precision not null,
    deviation               double precision not null,
    opened_at               timestamptz      not null,
    acknowledged_at         timestamptz,
    acknowledged_by_subject text,
    acknowledged_by_name    text,
    resolved_at             timestamptz,
    resolved_by_subject     text,
    resolved_by_name        text,
    -- the crisis modes a response applied, and the ones it replaced (to undo it)
    response_slow_mode_seconds integer,
    response_pre_moderation    boolean,
    response_read_only         boolean,
    previous_slow_mode_seconds integer,
    previous_pre_moderation    boolean,
    previous_read_only         boolean,
    responded_at            timestamptz,
    responded_by_name       text,
    response_undone_at      timestamptz,
    updated_at              timestamptz      not null,
    version                 bigint           not null,
    primary key (tenant_id, id),
    foreign key (tenant_id, community_id) references community (tenant_id, id)
);

-- one alert of a kind per community until it is resolved: a spike that goes on updates it
create unique index alert_one_open on alert (tenant_id, community_id, kind) where status <> 'RESOLVED';
create index alert_by_time on alert (tenant_id, opened_at, id);
create index alert_by_update on alert (tenant_id, updated_at);

alter table alert enable row level security;
alter table alert force row level security;
create policy tenant_isolation on alert using (tenant_id = animo_current_tenant()) with check (tenant_id = animo_current_tenant());
grant select, insert, update on alert to ${app_role};

-- What a tenant counts as a spike (no row: the defaults).
create table alert_settings (
    tenant_id      uuid             primary key references tenant (id),
    threshold      double precision not null,
    min_messages   integer          not null,
    min_reports    integer          not null,
    min_joins      integer          not null,
    updated_at     timestamptz      not null
);

alter table alert_settings enable row level security;
alter table alert_settings force row level security;
create policy tenant_isolation on alert_settings using (tenant_id = animo_current_tenant()) with check (tenant_id = animo_current_tenant());
grant select, insert, update on alert_settings to ${app_role};
