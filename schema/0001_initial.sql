-- claimgraph schema, version 1: documents, sentences, entities, aliases,
-- mentions, triples (graph edges) and evidence (who states each edge where).

CREATE TABLE documents (
    id           INTEGER PRIMARY KEY,
    content_hash TEXT NOT NULL UNIQUE,
    kind         TEXT NOT NULL CHECK (kind IN ('article', 'import')),
    source       TEXT NOT NULL,
    external_id  TEXT,
    title        TEXT,
    url          TEXT,
    published    TEXT,
    text         TEXT NOT NULL DEFAULT '',
    ingested_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

CREATE TABLE sentences (
    id           INTEGER PRIMARY KEY,
    document_id  INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    idx          INTEGER NOT NULL,
    start_offset INTEGER NOT NULL,
    end_offset   INTEGER NOT NULL,
    text         TEXT NOT NULL,
    UNIQUE (document_id, idx)
);

CREATE TABLE entities (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    type TEXT NOT NULL CHECK (type IN ('PERSON', 'ORG', 'GPE', 'LOC', 'GROUP', 'EVENT', 'DATE', 'OTHER')),
    UNIQUE (name COLLATE NOCASE, type)
);

CREATE TABLE aliases (
    entity_id INTEGER NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
    alias     TEXT NOT NULL,
    PRIMARY KEY (entity_id, alias)
) WITHOUT ROWID;
CREATE INDEX aliases_by_alias ON aliases (alias COLLATE NOCASE);

CREATE TABLE mentions (
    id           INTEGER PRIMARY KEY,
    entity_id    INTEGER NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
    sentence_id  INTEGER NOT NULL REFERENCES sentences (id) ON DELETE CASCADE,
    start_offset INTEGER NOT NULL,
    end_offset   INTEGER NOT NULL,
    text         TEXT NOT NULL
);
CREATE INDEX mentions_by_entity ON mentions (entity_id);

-- One row per distinct subject/predicate/object/polarity/modality.
CREATE TABLE triples (
    id         INTEGER PRIMARY KEY,
    subject_id INTEGER NOT NULL REFERENCES entities (id),
    predicate  TEXT NOT NULL,
    object_id  INTEGER NOT NULL REFERENCES entities (id),
    negated    INTEGER NOT NULL DEFAULT 0 CHECK (negated IN (0, 1)),
    modality   TEXT NOT NULL DEFAULT '',
    UNIQUE (subject_id, predicate, object_id, negated, modality)
);
CREATE INDEX triples_by_object ON triples (object_id);
CREATE INDEX triples_by_predicate ON triples (predicate);

-- One row per statement of a triple: a sentence of an article, or a line of an import.
CREATE TABLE evidence (
    id            INTEGER PRIMARY KEY,
    triple_id     INTEGER NOT NULL REFERENCES triples (id) ON DELETE CASCADE,
    document_id   INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    sentence_id   INTEGER REFERENCES sentences (id) ON DELETE CASCADE,
    start_offset  INTEGER NOT NULL DEFAULT 0,
    end_offset    INTEGER NOT NULL DEFAULT 0,
    attributed_to TEXT NOT NULL DEFAULT '',
    condition     TEXT NOT NULL DEFAULT '',
    time          TEXT NOT NULL DEFAULT '',
    place         TEXT NOT NULL DEFAULT '',
    confidence    REAL NOT NULL CHECK (confidence >= 0 AND confidence <= 1),
    source        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX evidence_by_triple ON evidence (triple_id);
CREATE INDEX evidence_by_document ON evidence (document_id);
-- A sentence states a given triple once.
CREATE UNIQUE INDEX evidence_once_per_sentence ON evidence (triple_id, sentence_id)
    WHERE sentence_id IS NOT NULL;

-- Each triple with names, evidence count and its most confident evidence:
-- what `claimgraph triples` prints and what canned queries start from.
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
