-- Name ordering uses a sort key the service writes itself, so keyset cursors (built from this value)
-- and the database agree on every character, whatever lower() of the database collation does.
alter table community add column sort_name text;

-- Forced row-level security applies to the owner too: without a tenant it would see no rows.
-- A data migration works on all tenants, so it lifts the force for its own transaction only.
alter table community no force row level security;
update community set sort_name = lower(name);
alter table community force row level security;

alter table community alter column sort_name set not null;
drop index community_by_name;
create index community_by_sort_name on community (tenant_id, sort_name, id);
