-- claimgraph schema, version 2: the triples' unique key becomes a named index,
-- triples_by_key, instead of a UNIQUE constraint of the table. The constraint's
-- index could not be dropped; a named one can, so a bulk import writes its
-- triples in id order and builds the key by one sort at the end (see
-- SqliteStore::write_document). What the key enforces is unchanged.
--
-- SQLite cannot drop a table constraint, so the table is rebuilt (the usual
-- procedure: new table, copy, drop, rename). Ids are copied as they are. The
-- store runs migrations with foreign-key enforcement off, otherwise dropping
-- the old table would delete every row of evidence that refers to it, and
-- checks every foreign key before committing.

DROP VIEW triple_view;

CREATE TABLE triples_v2 (
    id         INTEGER PRIMARY KEY,
    subject_id INTEGER NOT NULL REFERENCES entities (id),
    predicate  TEXT NOT NULL,
    object_id  INTEGER NOT NULL REFERENCES entities (id),
    negated    INTEGER NOT NULL DEFAULT 0 CHECK (negated IN (0, 1)),
    modality   TEXT NOT NULL DEFAULT ''
);
INSERT INTO triples_v2 (id, subject_id, predicate, object_id, negated, modality)
SELECT id, subject_id, predicate, object_id, negated, modality FROM triples ORDER BY id;
DROP TABLE triples;
ALTER TABLE triples_v2 RENAME TO triples;

-- One row per distinct subject/predicate/object/polarity/modality.
CREATE UNIQUE INDEX triples_by_key ON triples (subject_id, predicate, object_id, negated, modality);
CREATE INDEX triples_by_object ON triples (object_id);
CREATE INDEX triples_by_predicate ON triples (predicate);

-- As in version 1.
CREATE VIEW triple_view AS
SELECT t.id              AS triple_id,
       t.subject_id      AS subject_id,
       s.name            AS subject,
       s.type            AS subject_type,
       t.predicate       AS predicate,
       t.object_id       AS object_id,
       o.name            AS object,
       o.type            AS object_type,
       t.modality        AS modality,
       t.negated         AS negated,
       best.attributed_to AS attributed_to,
       best.condition    AS condition,
       best.time         AS time,
       best.place        AS place,
       best.confidence   AS confidence,
       coalesce(sen.text, '') AS evidence,
       (SELECT count(*) FROM evidence e WHERE e.triple_id = t.id) AS evidence_count
FROM triples t
JOIN entities s ON s.id = t.subject_id
JOIN entities o ON o.id = t.object_id
JOIN evidence best ON best.id = (SELECT e.id FROM evidence e WHERE e.triple_id = t.id
                                 ORDER BY e.confidence DESC, e.id LIMIT 1)
LEFT JOIN sentences sen ON sen.id = best.sentence_id;
