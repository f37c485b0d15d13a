-- natid store, schema 1: interviews, their append-only events, and the purge log.
CREATE TABLE interviews (
    id                    TEXT PRIMARY KEY,
    country               TEXT NOT NULL,
    questionnaire_version TEXT NOT NULL,
    content_hash          TEXT NOT NULL,
    started_at            TEXT NOT NULL,
    officer               TEXT NOT NULL,
    status                TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
    closed_at             TEXT,
    conclusion            TEXT,
    period                TEXT NOT NULL,
    event_count           INTEGER NOT NULL DEFAULT 0,
    head_hash             TEXT NOT NULL
);
CREATE INDEX interviews_by_status ON interviews (status, started_at);
CREATE INDEX interviews_by_period ON interviews (period, country, conclusion);

CREATE TABLE events (
    interview_id TEXT NOT NULL REFERENCES interviews (id),
    seq          INTEGER NOT NULL,
    kind         TEXT NOT NULL,
    at           TEXT NOT NULL,
    payload      BLOB NOT NULL,
    prev_hash    TEXT NOT NULL,
    hash         TEXT NOT NULL,
    PRIMARY KEY (interview_id, seq)
);

-- Events are never changed; they are deleted only by a purge, which first writes a permit.
CREATE TABLE purge_permits (interview_id TEXT PRIMARY KEY);

CREATE TRIGGER events_are_never_updated BEFORE UPDATE ON events
BEGIN
    SELECT RAISE(ABORT, 'natid: events are append-only');
END;

CREATE TRIGGER events_are_deleted_only_by_purge BEFORE DELETE ON events
WHEN NOT EXISTS (SELECT 1 FROM purge_permits WHERE interview_id = OLD.interview_id)
BEGIN
    SELECT RAISE(ABORT, 'natid: events are deleted only by a purge');
END;

CREATE TABLE purges (
    interview_id TEXT NOT NULL,
    country      TEXT NOT NULL,
    closed_at    TEXT,
    event_count  INTEGER NOT NULL,
    head_hash    TEXT NOT NULL,
    purged_at    TEXT NOT NULL,
    officer      TEXT NOT NULL,
    reason       TEXT NOT NULL
);
