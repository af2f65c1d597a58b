-- message_by_community (tenant_id, community_id, created_at desc, id desc), from V16, serves every read that
-- message_by_community_time (tenant_id, community_id, created_at), from V23, was made for: a B-tree is read in
-- either direction. Every stored message paid for the second one.
drop index message_by_community_time;
