-- Two kinds of tenant: a realm of its own, or an organization of the shared organizations realm.
-- A tenant is found by its key: the realm, or the realm and the organization's alias.
alter table tenant add column kind text not null default 'REALM' check (kind in ('REALM', 'ORGANIZATION'));
alter table tenant add column organization text;
alter table tenant add constraint tenant_organization_of_its_kind
    check ((kind = 'ORGANIZATION') = (organization is not null));
alter table tenant drop constraint tenant_realm_key;
create unique index tenant_key on tenant (realm, coalesce(organization, ''));

-- A tenant's row is written before its realm or organization; when that cannot be created, the row goes again.
grant delete on tenant to ${app_role};
