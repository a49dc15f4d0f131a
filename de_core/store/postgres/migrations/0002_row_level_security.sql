-- Row-level security: a session sees and writes only the rows of the office its connection set-up named
-- (set_config('app.office', ...)); a regional session (app.region) reads the offices of its region and writes
-- none. FORCE: the policies hold for the tables' owner too (only superusers and BYPASSRLS roles pass by).
-- The app logs in as a role that is a member of de_dashboard_app, never as the owner.

DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'de_dashboard_app') THEN
        CREATE ROLE de_dashboard_app NOLOGIN;
    END IF;
    EXECUTE format('GRANT USAGE ON SCHEMA %I TO de_dashboard_app', current_schema());
END
$$;

GRANT SELECT ON schema_version TO de_dashboard_app;
GRANT SELECT ON offices TO de_dashboard_app;
GRANT INSERT (office) ON offices TO de_dashboard_app;      -- an office registers itself; its region is not its own
GRANT SELECT, INSERT, UPDATE ON tabs, sheet_rows TO de_dashboard_app;  -- no DELETE: the app never deletes a row
GRANT USAGE ON SEQUENCE sheet_row_order TO de_dashboard_app;

CREATE FUNCTION app_office() RETURNS text LANGUAGE sql STABLE
    AS $$ SELECT coalesce(current_setting('app.office', true), '') $$;
CREATE FUNCTION app_region() RETURNS text LANGUAGE sql STABLE
    AS $$ SELECT coalesce(current_setting('app.region', true), '') $$;

ALTER TABLE offices ENABLE ROW LEVEL SECURITY;
CREATE POLICY offices_listed ON offices FOR SELECT USING (true);
CREATE POLICY offices_own ON offices FOR INSERT WITH CHECK (office = app_office() AND region = '');

ALTER TABLE tabs ENABLE ROW LEVEL SECURITY;
ALTER TABLE tabs FORCE ROW LEVEL SECURITY;
CREATE POLICY tabs_office ON tabs USING (office = app_office()) WITH CHECK (office = app_office());
CREATE POLICY tabs_region ON tabs FOR SELECT
    USING (app_region() <> '' AND office IN (SELECT o.office FROM offices o WHERE o.region = app_region()));

ALTER TABLE sheet_rows ENABLE ROW LEVEL SECURITY;
ALTER TABLE sheet_rows FORCE ROW LEVEL SECURITY;
CREATE POLICY rows_office ON sheet_rows USING (office = app_office()) WITH CHECK (office = app_office());
CREATE POLICY rows_region ON sheet_rows FOR SELECT
    USING (app_region() <> '' AND office IN (SELECT o.office FROM offices o WHERE o.region = app_region()));
