-- Two roles: the owner that Flyway migrates with, and the app role that row-level security applies to.
create role animo_owner login password 'animo_owner';
create role animo_app login password 'animo_app';
create database animo owner animo_owner;
