-- Query-cost budgets an operator sets for one tenant (null: the service's defaults).
alter table tenant add column cost_tenant_capacity integer check (cost_tenant_capacity > 0);
alter table tenant add column cost_tenant_refill_per_second integer check (cost_tenant_refill_per_second > 0);
alter table tenant add column cost_caller_capacity integer check (cost_caller_capacity > 0);
alter table tenant add column cost_caller_refill_per_second integer check (cost_caller_refill_per_second > 0);
