-- natid on PostgreSQL: the group roles and what each may do, with row-level security per
-- office. Run by 'natid db upgrade' after the migrations (it is safe to run again). An
-- administrator gives each person a login in one group and maps it to an office:
--   CREATE ROLE ana LOGIN IN ROLE natid_officer;
--   INSERT INTO natid_logins VALUES ('ana', 'Tapachula');
-- The owner of the tables (the login that ran the upgrade) is not restricted.
DO $$
DECLARE
    name TEXT;
BEGIN
    FOREACH name IN ARRAY ARRAY['natid_officer', 'natid_supervisor', 'natid_auditor',
                                'natid_statistics'] LOOP
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = name) THEN
            EXECUTE format('CREATE ROLE %I NOLOGIN', name);
        END IF;
    END LOOP;
END
$$;

DO $$
BEGIN
    EXECUTE format('GRANT USAGE ON SCHEMA %I TO natid_officer, natid_supervisor, '
                   'natid_auditor, natid_statistics', current_schema());
END
$$;

-- The office of the login running a statement (NULL: no office, so no interview).
CREATE OR REPLACE FUNCTION natid_office() RETURNS TEXT LANGUAGE sql STABLE
    SECURITY DEFINER SET search_path FROM CURRENT AS $$
    SELECT office FROM natid_logins WHERE login = session_user
$$;
REVOKE ALL ON FUNCTION natid_office() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION natid_office() TO natid_officer, natid_supervisor;

-- Everyone: the schema version, the key table's ids, writing to the access log.
GRANT SELECT ON natid_schema, key_meta TO natid_officer, natid_supervisor, natid_auditor,
    natid_statistics;
GRANT INSERT ON access_log TO natid_officer, natid_supervisor, natid_auditor,
    natid_statistics;

-- Officers run and read interviews of their office; supervisors also purge and rotate.
GRANT SELECT, INSERT, UPDATE ON interviews, interview_stats TO natid_officer,
    natid_supervisor;
GRANT SELECT, INSERT ON events, data_keys TO natid_officer, natid_supervisor;
GRANT SELECT, INSERT, DELETE ON files TO natid_officer, natid_supervisor;
GRANT UPDATE ON key_meta TO natid_officer, natid_supervisor;
GRANT UPDATE, DELETE ON data_keys TO natid_supervisor;
GRANT DELETE ON interviews, events TO natid_supervisor;
GRANT SELECT, INSERT, DELETE ON purge_permits TO natid_supervisor;
GRANT SELECT, INSERT ON purges TO natid_supervisor;
GRANT SELECT ON access_log TO natid_supervisor;

-- Auditors verify chains (the stored ciphertext) and read the access log: never a data key.
GRANT SELECT ON interviews, events, files, purges, access_log TO natid_auditor;

-- Statistics: the non-identifying projection, and which interviews exist.
GRANT SELECT ON interview_stats TO natid_statistics;
GRANT SELECT (id, country, period, status, conclusion, started_at, closed_at)
    ON interviews TO natid_statistics;

-- Row-level security: officers and supervisors see the interviews of their office only.
ALTER TABLE interviews ENABLE ROW LEVEL SECURITY;
ALTER TABLE events ENABLE ROW LEVEL SECURITY;
ALTER TABLE files ENABLE ROW LEVEL SECURITY;
ALTER TABLE data_keys ENABLE ROW LEVEL SECURITY;

DROP POLICY IF EXISTS interviews_of_the_office ON interviews;
CREATE POLICY interviews_of_the_office ON interviews TO natid_officer, natid_supervisor
    USING (office = natid_office()) WITH CHECK (office = natid_office());
DROP POLICY IF EXISTS interviews_listed ON interviews;
CREATE POLICY interviews_listed ON interviews FOR SELECT TO natid_auditor, natid_statistics
    USING (true);

DROP POLICY IF EXISTS events_of_the_office ON events;
CREATE POLICY events_of_the_office ON events TO natid_officer, natid_supervisor
    USING (EXISTS (SELECT 1 FROM interviews i WHERE i.id = interview_id))
    WITH CHECK (EXISTS (SELECT 1 FROM interviews i WHERE i.id = interview_id));
DROP POLICY IF EXISTS events_verified ON events;
CREATE POLICY events_verified ON events FOR SELECT TO natid_auditor USING (true);

DROP POLICY IF EXISTS files_of_the_office ON files;
CREATE POLICY files_of_the_office ON files TO natid_officer, natid_supervisor
    USING (EXISTS (SELECT 1 FROM interviews i WHERE i.id = interview_id))
    WITH CHECK (EXISTS (SELECT 1 FROM interviews i WHERE i.id = interview_id));
DROP POLICY IF EXISTS files_verified ON files;
CREATE POLICY files_verified ON files FOR SELECT TO natid_auditor USING (true);

DROP POLICY IF EXISTS data_keys_of_the_office ON data_keys;
CREATE POLICY data_keys_of_the_office ON data_keys TO natid_officer, natid_supervisor
    USING (EXISTS (SELECT 1 FROM interviews i WHERE i.id = interview_id))
    WITH CHECK (EXISTS (SELECT 1 FROM interviews i WHERE i.id = interview_id));
