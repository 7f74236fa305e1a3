-- Decisions as the coordinator prepared them for signing. A privacy check 1 payload carries per
-- department only a digest of the subject tokens, so the subjects behind each digest are kept here
-- until the signed decision is submitted. scopes is a JSON array of
-- {"department": "...", "subjects": ["subject id", ...]} in payload order.
CREATE TABLE prepared_decisions (
    decision_id text NOT NULL PRIMARY KEY,
    kind integer NOT NULL CHECK (kind IN (1, 2)),
    signal_id text NOT NULL REFERENCES signals (signal_id),
    case_id text REFERENCES cases (case_id),
    scopes text NOT NULL,
    payload bytea NOT NULL,
    prepared_at timestamptz NOT NULL,
    CHECK ((kind = 1 AND case_id IS NULL) OR (kind = 2 AND case_id IS NOT NULL))
);
