-- Initial schema of the coordinator's state store (SQLite).
-- STRICT tables reject values of the wrong type, so no identifier can lose leading zeros to type affinity.
-- Timestamps are UTC text 'yyyy-MM-ddTHH:mm:ss.ffffffZ', whose text order is time order.
-- Enumerations are stored as their wire numbers, which never change meaning.
-- Columns of type BLOB named for personal data hold AES-GCM values, never plaintext.

-- One row per data key that has encrypted values here, with a known text encrypted under it, so
-- that a wrong data-key file is detected at start-up rather than at the first read.
CREATE TABLE data_keys (
    key_id TEXT NOT NULL PRIMARY KEY,
    key_check BLOB NOT NULL,
    added_at TEXT NOT NULL
) STRICT;

CREATE TABLE signals (
    signal_id TEXT NOT NULL PRIMARY KEY,
    title BLOB NOT NULL,
    reporter BLOB NOT NULL,
    description BLOB NOT NULL,
    registered_at TEXT NOT NULL
) STRICT;

CREATE TABLE subjects (
    subject_id TEXT NOT NULL PRIMARY KEY,
    signal_id TEXT NOT NULL REFERENCES signals (signal_id),
    position INTEGER NOT NULL,
    kind INTEGER NOT NULL CHECK (kind IN (1, 2)),
    label BLOB NOT NULL,
    UNIQUE (signal_id, position),
    UNIQUE (signal_id, subject_id)
) STRICT;

CREATE TABLE subject_identifiers (
    subject_id TEXT NOT NULL REFERENCES subjects (subject_id),
    position INTEGER NOT NULL,
    identifier_type INTEGER NOT NULL CHECK (identifier_type BETWEEN 1 AND 255),
    canonical_value BLOB NOT NULL,
    PRIMARY KEY (subject_id, position)
) STRICT;

-- identifier_types, fields and recipients are JSON arrays; empty where the kind does not use them.
CREATE TABLE decisions (
    decision_id TEXT NOT NULL PRIMARY KEY,
    kind INTEGER NOT NULL CHECK (kind IN (1, 2)),
    signal_id TEXT NOT NULL REFERENCES signals (signal_id),
    case_id TEXT REFERENCES cases (case_id),
    identifier_types TEXT NOT NULL,
    fields TEXT NOT NULL,
    recipients TEXT NOT NULL,
    purpose TEXT NOT NULL,
    legal_basis TEXT NOT NULL,
    valid_from TEXT NOT NULL,
    valid_until TEXT NOT NULL,
    payload BLOB NOT NULL,
    recorded_at TEXT NOT NULL,
    CHECK ((kind = 1 AND case_id IS NULL) OR (kind = 2 AND case_id IS NOT NULL)),
    CHECK (valid_until > valid_from)
) STRICT;

CREATE INDEX decisions_by_signal ON decisions (signal_id);

CREATE TABLE decision_departments (
    decision_id TEXT NOT NULL REFERENCES decisions (decision_id),
    department TEXT NOT NULL,
    position INTEGER NOT NULL,
    PRIMARY KEY (decision_id, department),
    UNIQUE (decision_id, position)
) STRICT;

CREATE TABLE decision_subjects (
    decision_id TEXT NOT NULL,
    department TEXT NOT NULL,
    subject_id TEXT NOT NULL REFERENCES subjects (subject_id),
    position INTEGER NOT NULL,
    PRIMARY KEY (decision_id, department, subject_id),
    FOREIGN KEY (decision_id, department) REFERENCES decision_departments (decision_id, department)
) STRICT;

CREATE TABLE decision_signatures (
    decision_id TEXT NOT NULL REFERENCES decisions (decision_id),
    member_id TEXT NOT NULL,
    position INTEGER NOT NULL,
    signature BLOB NOT NULL,
    PRIMARY KEY (decision_id, member_id)
) STRICT;

-- state: 1 in progress, 2 completed, 3 interrupted. ended_at is set exactly when the query left state 1.
CREATE TABLE hit_queries (
    query_id TEXT NOT NULL PRIMARY KEY,
    signal_id TEXT NOT NULL REFERENCES signals (signal_id),
    decision_id TEXT NOT NULL REFERENCES decisions (decision_id),
    repeat_of_query_id TEXT REFERENCES hit_queries (query_id),
    state INTEGER NOT NULL CHECK (state IN (1, 2, 3)),
    started_at TEXT NOT NULL,
    ended_at TEXT,
    case_id TEXT REFERENCES cases (case_id),
    UNIQUE (query_id, signal_id),
    CHECK ((state = 1) = (ended_at IS NULL))
) STRICT;

CREATE INDEX hit_queries_by_signal ON hit_queries (signal_id, started_at);
CREATE INDEX hit_queries_in_progress ON hit_queries (state) WHERE state = 1;

-- One row per requested department, written when the query starts; the outcome columns are
-- filled when it completes.
CREATE TABLE hit_query_departments (
    query_id TEXT NOT NULL REFERENCES hit_queries (query_id),
    department TEXT NOT NULL,
    position INTEGER NOT NULL,
    outcome INTEGER CHECK (outcome BETWEEN 1 AND 6),
    reason TEXT,
    index_loaded_at TEXT,
    PRIMARY KEY (query_id, department),
    UNIQUE (query_id, position)
) STRICT;

-- The composite keys make the database itself reject an answer about a subject of another signal
-- or from a department that the query did not include.
CREATE TABLE hit_query_answers (
    query_id TEXT NOT NULL,
    signal_id TEXT NOT NULL,
    subject_id TEXT NOT NULL,
    department TEXT NOT NULL,
    identifier_type INTEGER NOT NULL CHECK (identifier_type BETWEEN 1 AND 255),
    answer INTEGER NOT NULL CHECK (answer BETWEEN 1 AND 4),
    PRIMARY KEY (query_id, subject_id, department, identifier_type),
    FOREIGN KEY (query_id, signal_id) REFERENCES hit_queries (query_id, signal_id),
    FOREIGN KEY (signal_id, subject_id) REFERENCES subjects (signal_id, subject_id),
    FOREIGN KEY (query_id, department) REFERENCES hit_query_departments (query_id, department)
) STRICT;

CREATE TABLE cases (
    case_id TEXT NOT NULL PRIMARY KEY,
    signal_id TEXT NOT NULL UNIQUE REFERENCES signals (signal_id),
    opened_by_query_id TEXT NOT NULL REFERENCES hit_queries (query_id),
    opened_at TEXT NOT NULL
) STRICT;

CREATE TABLE content_releases (
    release_id TEXT NOT NULL PRIMARY KEY,
    decision_id TEXT NOT NULL UNIQUE REFERENCES decisions (decision_id),
    case_id TEXT NOT NULL REFERENCES cases (case_id),
    department TEXT NOT NULL,
    released_at TEXT NOT NULL
) STRICT;

CREATE INDEX content_releases_by_case ON content_releases (case_id, released_at);

CREATE TABLE content_records (
    release_id TEXT NOT NULL REFERENCES content_releases (release_id),
    position INTEGER NOT NULL,
    subject_id TEXT NOT NULL REFERENCES subjects (subject_id),
    content BLOB NOT NULL,
    PRIMARY KEY (release_id, position)
) STRICT;

-- fields is a JSON array of field names.
CREATE TABLE privacy_check3_entries (
    entry_id TEXT NOT NULL PRIMARY KEY,
    case_id TEXT NOT NULL REFERENCES cases (case_id),
    member_id TEXT NOT NULL,
    fields TEXT NOT NULL,
    decided_by TEXT NOT NULL,
    reason TEXT NOT NULL,
    recorded_at TEXT NOT NULL
) STRICT;

CREATE INDEX privacy_check3_entries_by_case ON privacy_check3_entries (case_id, member_id, recorded_at);
