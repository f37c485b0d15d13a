-- natid store on PostgreSQL, schema 2: the files of documents' copies, kept by their
-- SHA-256 within each interview (the same file attached twice is kept once).
CREATE TABLE files (
    interview_id TEXT NOT NULL REFERENCES interviews (id),
    sha256       TEXT NOT NULL,
    media_type   TEXT NOT NULL,
    size         INTEGER NOT NULL,
    data         BYTEA NOT NULL,
    stored_at    TEXT NOT NULL,
    PRIMARY KEY (interview_id, sha256)
);

CREATE FUNCTION natid_files_are_never_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'natid: stored files are never changed';
END
$$;

CREATE TRIGGER files_are_never_updated BEFORE UPDATE ON files
    FOR EACH ROW EXECUTE FUNCTION natid_files_are_never_changed();
