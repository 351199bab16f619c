-- name: met-with
-- description: Who met, talked or spoke with whom (meetings, talks, calls, negotiations),
--   with when and where, the best evidence sentence and how many sentences state it.
-- param: entity  entity  optional    Only meetings involving this entity (any alias)
-- param: limit   int     default=50  At most this many rows
--
-- A meeting predicate has a word of the meeting class (meet, met, talk(s), spoke,
-- negotiated, hosted, phoned, ...). Denied meetings are left out: see negated-claims.
WITH meeting_words (pattern) AS (
    VALUES ('% meet %'), ('% meets %'), ('% met %'), ('% meeting %'), ('% talk%'), ('% spoke %'),
           ('% speak %'), ('% speaks %'), ('% speaking %'), ('% negotiat%'), ('% conferred %'),
           ('% confer %'), ('% hosted %'), ('% hosts %'), ('% host %'), ('% phoned %'), ('% phone %'),
           ('% telephoned %'),
           ('% discuss%'), ('% greeted %'), ('% dined %'), ('% consulted %'), ('% held talks %')
),
-- Classify each distinct predicate once, then fetch its triples by index.
predicates (predicate) AS (SELECT DISTINCT predicate FROM triples),
meeting_predicates (predicate) AS (
    SELECT p.predicate FROM predicates p
    WHERE EXISTS (SELECT 1 FROM meeting_words w
                  WHERE ' ' || replace(replace(lower(p.predicate), '-', ' '), '_', ' ') || ' ' LIKE w.pattern)
)
SELECT t.subject, t.predicate, t.object, t.modality, t.time, t.place, t.confidence,
       t.evidence_count, t.evidence
FROM triple_view t
WHERE t.predicate IN (SELECT predicate FROM meeting_predicates)
  AND t.negated = 0
  AND (:entity IS NULL OR t.subject_id = :entity OR t.object_id = :entity)
ORDER BY t.confidence DESC, t.triple_id
LIMIT :limit;
