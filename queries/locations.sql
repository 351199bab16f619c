-- name: locations
-- description: Where things are: based in, located in, headquartered in, capital of, lies in,
--   borders, ... (places and what is in them).
-- param: entity  entity  optional     Only relations involving this entity (any alias)
-- param: limit   int     default=100  At most this many rows
--
-- Denied locations are left out.
WITH place_words (pattern) AS (
    VALUES ('% based %'), ('% located %'), ('% headquarter%'), ('% capital %'), ('% situated %'),
           ('% lies in %'), ('% lie in %'), ('% lay in %'), ('% border%'), ('% city in %'),
           ('% city of %'), ('% town in %'), ('% village in %'), ('% region of %'), ('% province of %'),
           ('% district of %'), ('% near %'), ('% north of %'), ('% south of %'), ('% east of %'),
           ('% west of %'), ('% stationed in %'), ('% deployed in %'), ('% registered in %')
),
-- Classify each distinct predicate once, then fetch its triples by index.
predicates (predicate) AS (SELECT DISTINCT predicate FROM triples),
place_predicates (predicate) AS (
    SELECT p.predicate FROM predicates p
    WHERE EXISTS (SELECT 1 FROM place_words w
                  WHERE ' ' || replace(replace(lower(p.predicate), '-', ' '), '_', ' ') || ' ' LIKE w.pattern)
)
SELECT t.subject AS what, t.predicate AS relation, t.object AS "where", t.object_type AS where_type,
       t.confidence, t.evidence
FROM triple_view t
WHERE t.predicate IN (SELECT predicate FROM place_predicates)
  AND t.negated = 0
  AND (:entity IS NULL OR t.subject_id = :entity OR t.object_id = :entity)
ORDER BY t.object COLLATE NOCASE, t.subject COLLATE NOCASE, t.triple_id
LIMIT :limit;
