-- What the peer (PostGraphile, bench/peer/server.js) needs on top of Animo's schema: one query and one
-- mutation that have no generated equivalent. Applied by bench/vs-peer.sh as the owner role, after Animo's
-- Flyway migrations ran:
--
--   psql -v app_role=<app role> -f bench/peer/peer-schema.sql
--
-- Both functions are SECURITY INVOKER: they run as the app role, under Animo's row-level security, with the
-- caller that server.js declared for the transaction:
--   animo.tenant_id  the tenant of the token's realm (what Animo's policies read)
--   animo.subject    the token's sub claim (the member, as Animo finds it: member.subject)
--   animo.roles      the token's tenant realm roles, comma-separated
-- Refusals are errors (SQLSTATE P0001, message "<CODE>: <text>", the codes of Animo's userErrors): the peer has
-- no payload type with userErrors.
\set ON_ERROR_STOP on

create schema animo_peer;
comment on schema animo_peer is 'Functions the bench peer (PostGraphile) exposes; not part of Animo.';
grant usage on schema animo_peer to :"app_role";

-- community(id:) of Animo: one community of the caller's tenant by id, null when there is none.
create function animo_peer.community_by_id(id uuid) returns public.community
    language sql stable strict
    as $$
        select c.* from public.community c
        where c.tenant_id = public.animo_current_tenant() and c.id = community_by_id.id
    $$;

-- messagePost of Animo without the rules (see bench/vs-peer.sh for what differs): the checks of
-- ContentService.postMessage and CommunityGate for a top-level message, then the message row and the
-- MESSAGE_POSTED activity with the values Animo stores.
create function animo_peer.message_post(thread_id uuid, body text) returns public.message
    language plpgsql volatile security invoker
    as $$
declare
    tenant          uuid := public.animo_current_tenant();
    caller          text := nullif(current_setting('animo.subject', true), '');
    caller_roles    text[] := string_to_array(coalesce(current_setting('animo.roles', true), ''), ',');
    stamp           timestamptz := now();
    sees_held       boolean;
    found_thread    public.thread;
    me              public.member;
    its_community   public.community;
    membership      public.community_membership;
    stored          public.message;
begin
    if tenant is null or caller is null then
        raise exception 'UNAUTHENTICATED: no caller declared for this transaction' using errcode = '28000';
    end if;
    -- ContentGraphQLApi.POSTERS
    if not caller_roles && array['tenant-admin', 'community-manager', 'moderator', 'member'] then
        raise exception 'FORBIDDEN: This needs one of the roles tenant-admin, community-manager, moderator, member.'
            using errcode = '42501';
    end if;
    sees_held := caller_roles && array['tenant-admin', 'community-manager', 'moderator'];

    -- TextFields.check(body, 10 000)
    if message_post.body is null or message_post.body ~ '^\s*$' then
        raise exception 'REQUIRED: This field is required.';
    elsif length(message_post.body) > 10000 then
        raise exception 'TOO_LONG: At most 10000 characters.';
    elsif message_post.body ~ '[\x01-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F]' then
        raise exception 'INVALID_CHARACTERS: Control characters are not allowed.';
    end if;

    -- the thread, and whether the caller sees it (ContentRepository.visible)
    select t.* into found_thread from public.thread t where t.tenant_id = tenant and t.id = message_post.thread_id;
    if not found then
        raise exception 'NOT_FOUND: No thread you can see has this id.';
    end if;
    select m.* into me from public.member m where m.tenant_id = tenant and m.subject = caller;
    if not (found_thread.status = 'PUBLISHED' or sees_held
            or (found_thread.status = 'HELD' and found_thread.author_member_id = me.id)) then
        raise exception 'NOT_FOUND: No thread you can see has this id.';
    end if;
    if found_thread.locked then
        raise exception 'LOCKED: This thread is locked.';
    end if;
    if found_thread.kind = 'DEBATE' then
        raise exception 'NOT_SUPPORTED: the peer does not check debate sides';
    end if;

    -- CommunityGate, action POST: the community changes and needs good standing
    select c.* into its_community from public.community c where c.tenant_id = tenant and c.id = found_thread.community_id;
    if not found then
        raise exception 'NOT_FOUND: No community you can see has this id.';
    end if;
    if its_community.status = 'ARCHIVED' then
        raise exception 'ARCHIVED: This community is archived: it no longer changes.';
    end if;
    if its_community.read_only then
        raise exception 'READ_ONLY: This community is read-only for now.';
    end if;
    if me.id is not null then
        select cm.* into membership from public.community_membership cm
        where cm.tenant_id = tenant and cm.community_id = its_community.id and cm.member_id = me.id;
    end if;
    if me.id is null or membership.member_id is null then
        raise exception 'NOT_A_MEMBER: Join the community first.';
    end if;
    if membership.status = 'BANNED' and (membership.banned_until is null or membership.banned_until > stamp) then
        raise exception 'BANNED: You are banned from this community.';
    end if;
    if membership.muted_until is not null and membership.muted_until > stamp then
        raise exception 'MUTED: You are muted in this community until %.', membership.muted_until;
    end if;
    -- SlowMode: one message or edit per slow_mode_seconds
    if its_community.slow_mode_seconds > 0 and exists (
            select from public.message m
            where m.tenant_id = tenant and m.author_member_id = me.id and m.community_id = its_community.id
              and (m.created_at >= stamp - make_interval(secs => its_community.slow_mode_seconds)
                   or m.edited_at >= stamp - make_interval(secs => its_community.slow_mode_seconds))) then
        raise exception 'SLOW_MODE: Slow mode is on: wait % seconds between messages and edits.',
            its_community.slow_mode_seconds;
    end if;
    -- GuidelineGate
    if its_community.guidelines_acknowledgement_required
            and exists (select from public.guideline g
                        where g.tenant_id = tenant and g.community_id = its_community.id and not g.deleted)
            and not exists (select from public.guideline_acknowledgement a
                            where a.tenant_id = tenant and a.community_id = its_community.id and a.member_id = me.id
                              and a.revision >= its_community.guidelines_revision) then
        raise exception 'GUIDELINES_NOT_ACKNOWLEDGED: Read and acknowledge the community guidelines before posting.';
    end if;
    -- Animo holds every post of a pre-moderated community and queues it for a moderator: the peer has no queue
    if its_community.pre_moderation then
        raise exception 'NOT_SUPPORTED: the peer does not pre-moderate';
    end if;

    -- ContentService.message + store: a published, unflagged top-level message, and its activity
    insert into public.message (tenant_id, id, thread_id, community_id, parent_id, author_member_id, body, status,
                                flagged, moderation_note, debate_side_id, created_at, updated_at, edited_at, version)
    values (tenant, gen_random_uuid(), found_thread.id, its_community.id, null, me.id, message_post.body, 'PUBLISHED',
            false, null, null, stamp, stamp, null, 0)
    returning * into stored;
    insert into public.activity (tenant_id, id, community_id, member_id, kind, occurred_at)
    values (tenant, gen_random_uuid(), its_community.id, me.id, 'MESSAGE_POSTED', stamp);
    return stored;
end
$$;

revoke all on function animo_peer.community_by_id(uuid) from public;
revoke all on function animo_peer.message_post(uuid, text) from public;
grant execute on function animo_peer.community_by_id(uuid) to :"app_role";
grant execute on function animo_peer.message_post(uuid, text) to :"app_role";
