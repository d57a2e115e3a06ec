#!/bin/sh
# Runs once when the PostgreSQL volume is created (docker-entrypoint-initdb.d).
# lotse_owner owns the schema and runs migrations; lotse_app is what the web app and workers use:
# no superuser, not the owner, NOBYPASSRLS — so Row-Level Security always applies to it.
# lotse_aggregator (BYPASSRLS, NOLOGIN) is entered by the app only inside the association aggregation.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" <<SQL
CREATE ROLE lotse_owner LOGIN CREATEROLE PASSWORD '${LOTSE_OWNER_PASSWORD}';
CREATE ROLE lotse_app LOGIN NOINHERIT NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE PASSWORD '${LOTSE_APP_PASSWORD}';
CREATE ROLE lotse_aggregator NOLOGIN NOSUPERUSER BYPASSRLS;
GRANT lotse_aggregator TO lotse_app;
GRANT lotse_app, lotse_aggregator TO lotse_owner WITH ADMIN OPTION;
ALTER DATABASE "$POSTGRES_DB" OWNER TO lotse_owner;
ALTER SCHEMA public OWNER TO lotse_owner;
SQL
