-- natid store on PostgreSQL, schema 4: confidentiality at rest (docs/deployment.md). Each
-- interview's data key, wrapped by the master key kept outside the database; the store's
-- id and the id of the master key in use; the SHA-256 of each file as stored (encrypted),
-- so 'natid verify' checks files without the key; the office of each interview (row-level
-- security per office: 'natid db upgrade' creates the roles); the access log, append-only.
CREATE TABLE key_meta (
    id            INTEGER PRIMARY KEY CHECK (id = 1),
    store_id      TEXT NOT NULL,
    master_key_id TEXT,
    rotated_at    TEXT
);
INSERT INTO key_meta (id, store_id)
    VALUES (1, md5(random()::text || clock_timestamp()::text || pg_backend_pid()::text));

CREATE TABLE data_keys (
    interview_id  TEXT PRIMARY KEY REFERENCES interviews (id),
    wrapped       BYTEA NOT NULL,
    master_key_id TEXT NOT NULL,
    created_at    TEXT NOT NULL
);

ALTER TABLE files ADD COLUMN stored_sha256 TEXT;
ALTER TABLE interviews ADD COLUMN office TEXT NOT NULL DEFAULT '';
CREATE INDEX interviews_by_office ON interviews (office);

CREATE TABLE access_log (
    at           TEXT NOT NULL,
    who          TEXT NOT NULL,
    role         TEXT NOT NULL,
    command      TEXT NOT NULL,
    interview_id TEXT,
    outcome      TEXT NOT NULL CHECK (outcome IN ('read', 'refused')),
    login        TEXT NOT NULL DEFAULT session_user
);
CREATE INDEX access_log_by_interview ON access_log (interview_id, at);

CREATE FUNCTION natid_access_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'natid: the access log is append-only';
END
$$;

CREATE TRIGGER access_log_is_append_only BEFORE UPDATE OR DELETE ON access_log
    FOR EACH ROW EXECUTE FUNCTION natid_access_log_is_append_only();
CREATE TRIGGER access_log_is_never_truncated BEFORE TRUNCATE ON access_log
    FOR EACH STATEMENT EXECUTE FUNCTION natid_access_log_is_append_only();

-- Which office each database login works for (row-level security, set by the administrator).
CREATE TABLE natid_logins (
    login  TEXT PRIMARY KEY,
    office TEXT NOT NULL
);
