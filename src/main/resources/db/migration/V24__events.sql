-- Events of a community (online, in person or hybrid) and the members' answers: going within the capacity,
-- then a waitlist in arrival order.
create table event (
    tenant_id    uuid        not null references tenant (id),
    id           uuid        not null,
    community_id uuid        not null,
    title        text        not null,
    description  text        not null,
    format       text        not null check (format in ('ONLINE', 'IN_PERSON', 'HYBRID')),
    starts_at    timestamptz not null,
    ends_at      timestamptz not null,
    time_zone    text        not null,
    location     text,
    join_url     text,
    capacity     integer check (capacity > 0),
    status       text        not null check (status in ('SCHEDULED', 'CANCELLED')),
    created_at   timestamptz not null,
    primary key (tenant_id, id),
    foreign key (tenant_id, community_id) references community (tenant_id, id),
    check (ends_at > starts_at)
);
create index event_by_community on event (tenant_id, community_id, starts_at, id);

create table event_rsvp (
    tenant_id         uuid        not null references tenant (id),
    event_id          uuid        not null,
    member_id         uuid        not null,
    answer            text        not null check (answer in ('GOING', 'MAYBE', 'DECLINED', 'WAITLISTED')),
    -- the place in the waitlist, given in arrival order under the event's lock; null unless WAITLISTED
    waitlist_position integer,
    responded_at      timestamptz not null,
    checked_in_at     timestamptz,
    primary key (tenant_id, event_id, member_id),
    foreign key (tenant_id, event_id) references event (tenant_id, id),
    foreign key (tenant_id, member_id) references member (tenant_id, id),
    check ((answer = 'WAITLISTED') = (waitlist_position is not null))
);
create index event_rsvp_waitlist on event_rsvp (tenant_id, event_id, waitlist_position) where answer = 'WAITLISTED';

alter table event enable row level security;
alter table event force row level security;
create policy tenant_isolation on event using (tenant_id = animo_current_tenant()) with check (tenant_id = animo_current_tenant());
grant select, insert, update on event to ${app_role};

alter table event_rsvp enable row level security;
alter table event_rsvp force row level security;
create policy tenant_isolation on event_rsvp using (tenant_id = animo_current_tenant()) with check (tenant_id = animo_current_tenant());
grant select, insert, update on event_rsvp to ${app_role};
