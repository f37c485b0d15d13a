-- natid store on PostgreSQL, schema 3: the statistics projection, one non-identifying row per interview
-- (docs/statistics.md). Written in the same transaction as the event that changes it and
-- rebuilt from the events by 'natid stats rebuild'. It has no foreign key to interviews:
-- a purge removes the person's data, the row (codes and dates only) stays for the figures.
CREATE TABLE interview_stats (
    interview_id         TEXT PRIMARY KEY,
    country_of_interview TEXT NOT NULL,
    office               TEXT NOT NULL,
    intercepted_on       TEXT NOT NULL,
    interviewed_on       TEXT NOT NULL,
    period               TEXT NOT NULL,
    declared_nationality TEXT NOT NULL,
    presumed_nationality TEXT NOT NULL,
    verdict              TEXT NOT NULL CHECK (verdict IN ('presumption_supported',
                             'insufficient', 'consular_interview_needed', 'open')),
    sex                  TEXT NOT NULL CHECK (sex IN ('female', 'male', 'other', 'unknown')),
    age_band             TEXT NOT NULL CHECK (age_band IN ('0-11', '12-17', '18-29', '30-44',
                             '45-59', '60+', 'unknown')),
    child                TEXT NOT NULL CHECK (child IN ('adult', 'accompanied',
                             'unaccompanied_or_separated', 'unknown')),
    referral             INTEGER NOT NULL CHECK (referral IN (0, 1)),
    request_prepared_on  TEXT,
    request_sent_on      TEXT,
    first_answer_on      TEXT,
    consular_answer      TEXT NOT NULL CHECK (consular_answer IN ('issued', 'refused',
                             'more_information', 'no_answer', 'not_sent', 'awaiting')),
    consular_answer_on   TEXT
);
CREATE INDEX interview_stats_by_day ON interview_stats (interviewed_on);
CREATE INDEX interview_stats_by_period ON interview_stats (period, presumed_nationality,
    country_of_interview);
