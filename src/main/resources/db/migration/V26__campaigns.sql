-- Campaigns: an objective over a window, aimed at communities and a segment of their members; tracked links with a
-- short public code; the clicks those links get. The public redirect endpoint has no token: it finds a link by its
-- code and records the click across tenants by declaring itself with animo.redirecting (nothing else does).

-- a click is counted in the metrics before anyone knows who made it
alter table activity alter column member_id drop not null;
create policy click_recording on activity for insert with check (current_setting('animo.redirecting', true) = 'on');

-- Labels staff put on members ("beta-tester", "partner"), for campaign segments.
create table member_tag (
    tenant_id  uuid not null,
    member_id  uuid not null,
    tag        text not null,
    primary key (tenant_id, member_id, tag),
    foreign key (tenant_id, member_id) references member (tenant_id, id)
);
create index member_tag_by_tag on member_tag (tenant_id, tag, member_id);

alter table member_tag enable row level security;
alter table member_tag force row level security;
create policy tenant_isolation on member_tag using (tenant_id = animo_current_tenant()) with check (tenant_id = animo_current_tenant());
grant select, insert, delete on member_tag to ${app_role};

create table campaign (
    tenant_id                 uuid        not null references tenant (id),
    id                        uuid        not null,
    name                      text        not null,
    objective                 text        not null,
    starts_at                 timestamptz not null,
    ends_at                   timestamptz not null,
    -- RUNNING and ENDED follow from the window once SCHEDULED; ENDED is stored when staff end it early
    status                    text        not null check (status in ('DRAFT', 'SCHEDULED', 'ENDED')),
    ended_at                  timestamptz,
    attribution_days          integer     not null check (attribution_days between 1 and 90),
    segment_roles             text[]      not null,
    segment_joined_after      timestamptz,
    segment_joined_before     timestamptz,
    segment_active_within_days integer,
    segment_tags              text[]      not null,
    created_at                timestamptz not null,
    primary key (tenant_id, id),
    check (ends_at > starts_at)
);
create index campaign_by_start on campaign (tenant_id, starts_at desc, id desc);

create table campaign_community (
    tenant_id    uuid not null,
    campaign_id  uuid not null,
    community_id uuid not null,
    primary key (tenant_id, campaign_id, community_id),
    foreign key (tenant_id, campaign_id) references campaign (tenant_id, id),
    foreign key (tenant_id, community_id) references community (tenant_id, id)
);

create table tracked_link (
    tenant_id    uuid        not null references tenant (id),
    id           uuid        not null,
    campaign_id  uuid        not null,
    -- unique across tenants: the public redirect knows nothing but the code
    code         text        not null unique,
    channel      text        not null,
    target_url   text        not null,
    community_id uuid        not null,
    utm_source   text        not null,
    utm_medium   text        not null,
    utm_campaign text        not null,
    utm_content  text,
    created_at   timestamptz not null,
    primary key (tenant_id, id),
    foreign key (tenant_id, campaign_id) references campaign (tenant_id, id),
    foreign key (tenant_id, campaign_id, community_id) references campaign_community (tenant_id, campaign_id, community_id)
);
create index tracked_link_by_campaign on tracked_link (tenant_id, campaign_id, created_at);

-- No personal data: when, which UTM parameters, and the member only once they claim the click signed in.
create table campaign_click (
    tenant_id    uuid        not null references tenant (id),
    id           uuid        not null,
    link_id      uuid        not null,
    campaign_id  uuid        not null,
    clicked_at   timestamptz not null,
    utm_source   text,
    utm_medium   text,
    utm_campaign text,
    utm_term     text,
    utm_content  text,
    member_id    uuid,
    claimed_at   timestamptz,
    primary key (tenant_id, id),
    foreign key (tenant_id, link_id) references tracked_link (tenant_id, id),
    foreign key (tenant_id, member_id) references member (tenant_id, id)
);
create index campaign_click_by_campaign on campaign_click (tenant_id, campaign_id, clicked_at);
create index campaign_click_by_link on campaign_click (tenant_id, link_id);

alter table campaign enable row level security;
alter table campaign force row level security;
create policy tenant_isolation on campaign using (tenant_id = animo_current_tenant()) with check (tenant_id = animo_current_tenant());
grant select, insert, update on campaign to ${app_role};

alter table campaign_community enable row level security;
alter table campaign_community force row level security;
create policy tenant_isolation on campaign_community using (tenant_id = animo_current_tenant()) with check (tenant_id = animo_current_tenant());
grant select, insert, delete on campaign_community to ${app_role};

alter table tracked_link enable row level security;
alter table tracked_link force row level security;
create policy tenant_isolation on tracked_link using (tenant_id = animo_current_tenant()) with check (tenant_id = animo_current_tenant());
create policy link_redirect on tracked_link for select using (current_setting('animo.redirecting', true) = 'on');
grant select, insert on tracked_link to ${app_role};

alter table campaign_click enable row level security;
alter table campaign_click force row level security;
create policy tenant_isolation on campaign_click using (tenant_id = animo_current_tenant()) with check (tenant_id = animo_current_tenant());
create policy click_recording on campaign_click for insert with check (current_setting('animo.redirecting', true) = 'on');
grant select, insert, update on campaign_click to ${app_role};
