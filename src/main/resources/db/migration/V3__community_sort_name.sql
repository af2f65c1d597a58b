-- Name ordering uses a sort key the service writes itself, so keyset cursors (built from this value)
-- and the database agree on every character, whatever lower() of the database collation does.
alter table community add column sort_name text;
update community set sort_name = lower(name);
alter table community alter column sort_name set not null;
drop index community_by_name;
create index community_by_sort_name on community (tenant_id, sort_name, id);
