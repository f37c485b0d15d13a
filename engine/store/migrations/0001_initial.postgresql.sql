-- natid store on PostgreSQL, schema 1: the same tables as on SQLite, the schema's own
-- version, and the append-only rule enforced by triggers.
CREATE TABLE natid_schema (
    version    INTEGER PRIMARY KEY,
    applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

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
    payload      BYTEA NOT NULL,
    prev_hash    TEXT NOT NULL,
    hash         TEXT NOT NULL,
    PRIMARY KEY (interview_id, seq)
);

-- Events are never changed; they are deleted only by a purge, which first writes a permit.
CREATE TABLE purge_permits (interview_id TEXT PRIMARY KEY);

CREATE FUNCTION natid_events_are_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        RAISE EXCEPTION 'natid: events are append-only';
    END IF;
    IF TG_OP = 'TRUNCATE' OR NOT EXISTS (
        SELECT 1 FROM purge_permits WHERE interview_id = OLD.interview_id) THEN
        RAISE EXCEPTION 'natid: events are deleted only by a purge';
    END IF;
    RETURN OLD;
END
$$;

CREATE TRIGGER events_are_append_only BEFORE UPDATE OR DELETE ON events
    FOR EACH ROW EXECUTE FUNCTION natid_events_are_append_only();
CREATE TRIGGER events_are_never_truncated BEFORE TRUNCATE ON events
    FOR EACH STATEMENT EXECUTE FUNCTION natid_events_are_append_only();

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
