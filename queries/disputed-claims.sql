-- name: disputed-claims
-- description: Claims both stated and denied: the same subject, predicate and object asserted
--   by some sentences and negated by others, with who asserted and who denied it.
-- param: entity  entity  optional    Only disputes involving this entity (any alias)
-- param: limit   int     default=50  At most this many rows
--
-- Predicates are compared case-insensitively; modality is ignored (`may attack`
-- and `did not attack` dispute each other).
WITH sides AS (
    SELECT t.subject_id, lower(t.predicate) AS predicate, t.object_id, t.negated,
           coalesce(nullif(ev.attributed_to, ''), '(unattributed)') AS speaker
    FROM triples t JOIN evidence ev ON ev.triple_id = t.id
),
disputes AS (
    SELECT subject_id, predicate, object_id,
           sum(negated = 0) AS asserting_sentences, sum(negated = 1) AS denying_sentences
    FROM sides
    GROUP BY subject_id, predicate, object_id
    HAVING min(negated) = 0 AND max(negated) = 1
)
SELECT s.name AS subject, d.predicate, o.name AS object,
       (SELECT group_concat(speaker, '; ') FROM (
            SELECT DISTINCT x.speaker FROM sides x
            WHERE x.subject_id = d.subject_id AND x.predicate = d.predicate AND x.object_id = d.object_id
              AND x.negated = 0 ORDER BY x.speaker)) AS asserted_by,
       (SELECT group_concat(speaker, '; ') FROM (
            SELECT DISTINCT x.speaker FROM sides x
            WHERE x.subject_id = d.subject_id AND x.predicate = d.predicate AND x.object_id = d.object_id
              AND x.negated = 1 ORDER BY x.speaker)) AS denied_by,
       d.asserting_sentences, d.denying_sentences
FROM disputes d
JOIN entities s ON s.id = d.subject_id
JOIN entities o ON o.id = d.object_id
WHERE :entity IS NULL OR d.subject_id = :entity OR d.object_id = :entity
ORDER BY s.name COLLATE NOCASE, d.predicate, o.name COLLATE NOCASE
LIMIT :limit;
