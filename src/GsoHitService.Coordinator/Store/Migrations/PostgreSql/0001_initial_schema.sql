-- Initial schema of the coordinator's state store (PostgreSQL).
-- Timestamps are timestamptz in UTC, at microsecond precision.
-- Enumerations are stored as their wire numbers, which never change meaning.
-- Columns of type bytea named for personal data hold AES-GCM values, never plaintext.

-- One row per data key that has encrypted values here, with a known text encrypted under it, so
-- that a wrong data-key file is detected at start-up rather than at the first read.
CREATE TABLE data_keys (
    key_id text NOT NULL PRIMARY KEY,
    key_check bytea NOT NULL,
    added_at timestamptz NOT NULL
);

CREATE TABLE signals (
    signal_id text NOT NULL PRIMARY KEY,
    title bytea NOT NULL,
    reporter bytea NOT NULL,
    description bytea NOT NULL,
    registered_at timestamptz NOT NULL
);

CREATE TABLE subjects (
    subject_id text NOT NULL PRIMARY KEY,
    signal_id text NOT NULL REFERENCES signals (signal_id),
    position integer NOT NULL,
    kind integer NOT NULL CHECK (kind IN (1, 2)),
    label bytea NOT NULL,
    UNIQUE (signal_id, position),
    UNIQUE (signal_id, subject_id)
);

CREATE TABLE subject_identifiers (
    subject_id text NOT NULL REFERENCES subjects (subject_id),
    position integer NOT NULL,
    identifier_type integer NOT NULL CHECK (identifier_type BETWEEN 1 AND 255),
    canonical_value bytea NOT NULL,
    PRIMARY KEY (subject_id, position)
);

-- identifier_types, fields and recipients are JSON arrays; empty where the kind does not use them.
CREATE TABLE decisions (
    decision_id text NOT NULL PRIMARY KEY,
    kind integer NOT NULL CHECK (kind IN (1, 2)),
    signal_id text NOT NULL REFERENCES signals (signal_id),
    case_id text,
    identifier_types text NOT NULL,
    fields text NOT NULL,
    recipients text NOT NULL,
    purpose text NOT NULL,
    legal_basis text NOT NULL,
    valid_from timestamptz NOT NULL,
    valid_until timestamptz NOT NULL,
    payload bytea NOT NULL,
    recorded_at timestamptz NOT NULL,
    CHECK ((kind = 1 AND case_id IS NULL) OR (kind = 2 AND case_id IS NOT NULL)),
    CHECK (valid_until > valid_from)
);

CREATE INDEX decisions_by_signal ON decisions (signal_id);

CREATE TABLE decision_departments (
    decision_id text NOT NULL REFERENCES decisions (decision_id),
    department text NOT NULL,
    position integer NOT NULL,
    PRIMARY KEY (decision_id, department),
    UNIQUE (decision_id, position)
);

CREATE TABLE decision_subjects (
    decision_id text NOT NULL,
    department text NOT NULL,
    subject_id text NOT NULL REFERENCES subjects (subject_id),
    position integer NOT NULL,
    PRIMARY KEY (decision_id, department, subject_id),
    FOREIGN KEY (decision_id, department) REFERENCES decision_departments (decision_id, department)
);

CREATE TABLE decision_signatures (
    decision_id text NOT NULL REFERENCES decisions (decision_id),
    member_id text NOT NULL,
    position integer NOT NULL,
    signature bytea NOT NULL,
    PRIMARY KEY (decision_id, member_id)
);

-- state: 1 in progress, 2 completed, 3 interrupted. ended_at is set exactly when the query left state 1.
CREATE TABLE hit_queries (
    query_id text NOT NULL PRIMARY KEY,
    signal_id text NOT NULL REFERENCES signals (signal_id),
    decision_id text NOT NULL REFERENCES decisions (decision_id),
    repeat_of_query_id text REFERENCES hit_queries (query_id),
    state integer NOT NULL CHECK (state IN (1, 2, 3)),
    started_at timestamptz NOT NULL,
    ended_at timestamptz,
    case_id text,
    UNIQUE (query_id, signal_id),
    CHECK ((state = 1) = (ended_at IS NULL))
);

CREATE INDEX hit_queries_by_signal ON hit_queries (signal_id, started_at);
CREATE INDEX hit_queries_in_progress ON hit_queries (state) WHERE state = 1;

-- One row per requested department, written when the query starts; the outcome columns are
-- filled when it completes.
CREATE TABLE hit_query_departments (
    query_id text NOT NULL REFERENCES hit_queries (query_id),
    department text NOT NULL,
    position integer NOT NULL,
    outcome integer CHECK (outcome BETWEEN 1 AND 6),
    reason text,
    index_loaded_at timestamptz,
    PRIMARY KEY (query_id, department),
    UNIQUE (query_id, position)
);

-- The composite keys make the database itself reject an answer about a subject of another signal
-- or from a department that the query did not include.
CREATE TABLE hit_query_answers (
    query_id text NOT NULL,
    signal_id text NOT NULL,
    subject_id text NOT NULL,
    department text NOT NULL,
    identifier_type integer NOT NULL CHECK (identifier_type BETWEEN 1 AND 255),
    answer integer NOT NULL CHECK (answer BETWEEN 1 AND 4),
    PRIMARY KEY (query_id, subject_id, department, identifier_type),
    FOREIGN KEY (query_id, signal_id) REFERENCES hit_queries (query_id, signal_id),
    FOREIGN KEY (signal_id, subject_id) REFERENCES subjects (signal_id, subject_id),
    FOREIGN KEY (query_id, department) REFERENCES hit_query_departments (query_id, department)
);

CREATE TABLE cases (
    case_id text NOT NULL PRIMARY KEY,
    signal_id text NOT NULL UNIQUE REFERENCES signals (signal_id),
    opened_by_query_id text NOT NULL REFERENCES hit_queries (query_id),
    opened_at timestamptz NOT NULL
);

CREATE TABLE content_releases (
    release_id text NOT NULL PRIMARY KEY,
    decision_id text NOT NULL UNIQUE REFERENCES decisions (decision_id),
    case_id text NOT NULL REFERENCES cases (case_id),
    department text NOT NULL,
    released_at timestamptz NOT NULL
);

CREATE INDEX content_releases_by_case ON content_releases (case_id, released_at);

CREATE TABLE content_records (
    release_id text NOT NULL REFERENCES content_releases (release_id),
    position integer NOT NULL,
    subject_id text NOT NULL REFERENCES subjects (subject_id),
    content bytea NOT NULL,
    PRIMARY KEY (release_id, position)
);

-- fields is a JSON array of field names.
CREATE TABLE privacy_check3_entries (
    entry_id text NOT NULL PRIMARY KEY,
    case_id text NOT NULL REFERENCES cases (case_id),
    member_id text NOT NULL,
    fields text NOT NULL,
    decided_by text NOT NULL,
    reason text NOT NULL,
    recorded_at timestamptz NOT NULL
);

CREATE INDEX privacy_check3_entries_by_case ON privacy_check3_entries (case_id, member_id, recorded_at);

-- Added here because cases is created after the tables that refer to it.
ALTER TABLE decisions ADD FOREIGN KEY (case_id) REFERENCES cases (case_id);
ALTER TABLE hit_queries ADD FOREIGN KEY (case_id) REFERENCES cases (case_id);
