-- natid store, schema 2: the files of documents' copies, kept by their SHA-256 within
-- each interview (the same file attached twice is kept once).
CREATE TABLE files (
    interview_id TEXT NOT NULL REFERENCES interviews (id),
    sha256       TEXT NOT NULL,
    media_type   TEXT NOT NULL,
    size         INTEGER NOT NULL,
    data         BLOB NOT NULL,
    stored_at    TEXT NOT NULL,
    PRIMARY KEY (interview_id, sha256)
);

CREATE TRIGGER files_are_never_updated BEFORE UPDATE ON files
BEGIN
    SELECT RAISE(ABORT, 'natid: stored files are never changed');
END;
