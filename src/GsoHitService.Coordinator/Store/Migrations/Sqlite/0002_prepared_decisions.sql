-- Decisions as the coordinator prepared them for signing. A privacy check 1 payload carries per
-- department only a digest of the subject tokens, so the subjects behind each digest are kept here
-- with the payload. scopes is a JSON array of
-- {"department": "...", "subjects": ["subject id", ...]} in payload order. query_plan holds, encrypted,
-- the match tokens that each department is asked, worked out while preparing a privacy check 1
-- decision, so that a hit query does not read and decrypt every identifier of a bulk signal again.
CREATE TABLE prepared_decisions (
    decision_id TEXT NOT NULL PRIMARY KEY,
    kind INTEGER NOT NULL CHECK (kind IN (1, 2)),
    signal_id TEXT NOT NULL REFERENCES signals (signal_id),
    case_id TEXT REFERENCES cases (case_id),
    scopes TEXT NOT NULL,
    payload BLOB NOT NULL,
    query_plan BLOB,
    prepared_at TEXT NOT NULL,
    CHECK ((kind = 1 AND case_id IS NULL) OR (kind = 2 AND case_id IS NOT NULL)),
    CHECK (kind = 1 OR query_plan IS NULL)
) STRICT;
