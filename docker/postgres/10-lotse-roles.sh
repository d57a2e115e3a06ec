#!/bin/sh
# Runs once when the PostgreSQL volume is created (docker-entrypoint-initdb.d).
# lotse_owner owns the schema and runs migrations; lotse_app is what the web app and workers use:
# no superuser, not the owner, NOBYPASSRLS — so Row-Level Security always applies to it, and it is a
# member of no other role (nothing to SET ROLE into).
# lotse_stats (BYPASSRLS) is the association aggregation's own login: only the worker has its password
# (AGGREGATOR_DATABASE_URL); migrations grant it SELECT on the source tables and writes on association_*
# only (docs/security.md).
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" <<SQL
CREATE ROLE lotse_owner LOGIN CREATEROLE PASSWORD '${LOTSE_OWNER_PASSWORD}';
CREATE ROLE lotse_app LOGIN NOINHERIT NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE PASSWORD '${LOTSE_APP_PASSWORD}';
CREATE ROLE lotse_stats LOGIN NOINHERIT NOSUPERUSER BYPASSRLS NOCREATEDB NOCREATEROLE PASSWORD '${LOTSE_STATS_PASSWORD}';
GRANT lotse_app, lotse_stats TO lotse_owner WITH ADMIN OPTION;
ALTER DATABASE "$POSTGRES_DB" OWNER TO lotse_owner;
ALTER SCHEMA public OWNER TO lotse_owner;
SQL
