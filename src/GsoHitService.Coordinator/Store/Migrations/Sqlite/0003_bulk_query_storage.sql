-- The answers of one department in one hit query, packed into one value. A bulk signal has
-- hundreds of thousands of answers per query, and one row per answer took seconds to write and
-- read. Each answer is 6 bytes: the subject's position in its signal (uint32 little-endian),
-- the identifier type and the answer, sorted by position and then type. The store checks that
-- every position is a subject of the query's signal before it writes. hit_query_answers keeps the
-- answers of queries completed before this migration.
CREATE TABLE hit_query_answer_sets (
    query_id TEXT NOT NULL,
    department TEXT NOT NULL,
    answer_count INTEGER NOT NULL CHECK (answer_count >= 0),
    answers BLOB NOT NULL,
    PRIMARY KEY (query_id, department),
    FOREIGN KEY (query_id, department) REFERENCES hit_query_departments (query_id, department),
    CHECK (length(answers) = answer_count * 6)
) STRICT;

-- A privacy check 1 decision on a bulk signal names every subject for each department. With this
-- index, reading its scope in order needs no sort of hundreds of thousands of rows.
CREATE INDEX decision_subjects_in_order ON decision_subjects (decision_id, department, position);
