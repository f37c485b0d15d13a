-- natid store, schema 4: confidentiality at rest (docs/deployment.md). Each interview's
-- data key, wrapped by the master key kept outside the database; the store's id (which
-- names its key file) and the id of the master key in use; the SHA-256 of each file as
-- stored (encrypted), so 'natid verify' checks files without the key; the office of each
-- interview; and the access log, append-only.
CREATE TABLE key_meta (
    id            INTEGER PRIMARY KEY CHECK (id = 1),
    store_id      TEXT NOT NULL,
    master_key_id TEXT,
    rotated_at    TEXT
);
INSERT INTO key_meta (id, store_id) VALUES (1, lower(hex(randomblob(16))));

CREATE TABLE data_keys (
    interview_id  TEXT PRIMARY KEY REFERENCES interviews (id),
    wrapped       BLOB NOT NULL,
    master_key_id TEXT NOT NULL,
    created_at    TEXT NOT NULL
);

ALTER TABLE files ADD COLUMN stored_sha256 TEXT;
ALTER TABLE interviews ADD COLUMN office TEXT NOT NULL DEFAULT '';

CREATE TABLE access_log (
    at           TEXT NOT NULL,
    who          TEXT NOT NULL,
    role         TEXT NOT NULL,
    command      TEXT NOT NULL,
    interview_id TEXT,
    outcome      TEXT NOT NULL CHECK (outcome IN ('read', 'refused'))
);
CREATE INDEX access_log_by_interview ON access_log (interview_id, at);

CREATE TRIGGER access_log_is_never_changed BEFORE UPDATE ON access_log
BEGIN
    SELECT RAISE(ABORT, 'natid: the access log is append-only');
END;

CREATE TRIGGER access_log_is_never_deleted BEFORE DELETE ON access_log
BEGIN
    SELECT RAISE(ABORT, 'natid: the access log is append-only');
END;
