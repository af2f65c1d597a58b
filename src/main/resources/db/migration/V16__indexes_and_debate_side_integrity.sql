-- Indexes for the reads the moderation tools run: the rule backtest pages through a community's
-- messages newest first; the moderation report counts a tenant's reports, sanctions and appeals of
-- a period.
create index message_by_community on message (tenant_id, community_id, created_at desc, id desc);
create index content_report_by_time on content_report (tenant_id, created_at);
create index sanction_by_time on sanction (tenant_id, created_at);
create index appeal_by_time on appeal (tenant_id, created_at);

-- A reply's side belongs to the debate of the reply's own thread, in the database too.
alter table debate_side add constraint debate_side_of_thread unique (tenant_id, thread_id, id);
alter table message add constraint message_side_of_its_debate
    foreign key (tenant_id, thread_id, debate_side_id) references debate_side (tenant_id, thread_id, id);
