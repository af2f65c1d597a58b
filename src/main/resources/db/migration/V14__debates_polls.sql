-- Debates (a theme, an opening statement, optional sides replies take, a window when replies are open)
-- and polls (a question, options, one vote or several per member until the poll closes).
alter table thread drop constraint thread_kind_check;
alter table thread add constraint thread_kind_check
    check (kind in ('DISCUSSION', 'QUESTION', 'ANNOUNCEMENT', 'DEBATE', 'POLL'));

create table debate (
    tenant_id          uuid        not null,
    thread_id          uuid        not null,
    theme              text        not null,
    opening_statement  text        not null,
    opens_at           timestamptz not null,
    closes_at          timestamptz not null,
    primary key (tenant_id, thread_id),
    foreign key (tenant_id, thread_id) references thread (tenant_id, id),
    check (closes_at > opens_at)
);

create table debate_side (
    tenant_id  uuid    not null,
    id         uuid    not null,
    thread_id  uuid    not null,
    position   integer not null,
    label      text    not null,
    primary key (tenant_id, id),
    unique (tenant_id, thread_id, position),
    foreign key (tenant_id, thread_id) references debate (tenant_id, thread_id)
);

alter table message add column debate_side_id uuid;
alter table message add constraint message_debate_side_fk
    foreign key (tenant_id, debate_side_id) references debate_side (tenant_id, id);
create index message_by_debate_side on message (tenant_id, debate_side_id) where debate_side_id is not null;

create table poll (
    tenant_id        uuid        not null,
    thread_id        uuid        not null,
    multiple_choice  boolean     not null,
    closes_at        timestamptz not null,
    primary key (tenant_id, thread_id),
    foreign key (tenant_id, thread_id) references thread (tenant_id, id)
);

create table poll_option (
    tenant_id  uuid    not null,
    id         uuid    not null,
    thread_id  uuid    not null,
    position   integer not null,
    label      text    not null,
    primary key (tenant_id, id),
    unique (tenant_id, thread_id, position),
    foreign key (tenant_id, thread_id) references poll (tenant_id, thread_id)
);

create table poll_vote (
    tenant_id  uuid        not null,
    thread_id  uuid        not null,
    option_id  uuid        not null,
    member_id  uuid        not null,
    voted_at   timestamptz not null,
    primary key (tenant_id, thread_id, member_id, option_id),
    foreign key (tenant_id, thread_id) references poll (tenant_id, thread_id),
    foreign key (tenant_id, option_id) references poll_option (tenant_id, id),
    foreign key (tenant_id, member_id) references member (tenant_id, id)
);

create index poll_vote_by_option on poll_vote (tenant_id, option_id);

alter table debate enable row level security;
alter table debate force row level security;
create policy tenant_isolation on debate using (tenant_id = animo_current_tenant()) with check (tenant_id = animo_current_tenant());
grant select, insert on debate to ${app_role};

alter table debate_side enable row level security;
alter table debate_side force row level security;
create policy tenant_isolation on debate_side using (tenant_id = animo_current_tenant()) with check (tenant_id = animo_current_tenant());
grant select, insert on debate_side to ${app_role};

alter table poll enable row level security;
alter table poll force row level security;
create policy tenant_isolation on poll using (tenant_id = animo_current_tenant()) with check (tenant_id = animo_current_tenant());
grant select, insert on poll to ${app_role};

alter table poll_option enable row level security;
alter table poll_option force row level security;
create policy tenant_isolation on poll_option using (tenant_id = animo_current_tenant()) with check (tenant_id = animo_current_tenant());
grant select, insert on poll_option to ${app_role};

alter table poll_vote enable row level security;
alter table poll_vote force row level security;
create policy tenant_isolation on poll_vote using (tenant_id = animo_current_tenant()) with check (tenant_id = animo_current_tenant());
grant select, insert, delete on poll_vote to ${app_role};
