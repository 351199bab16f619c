-- name: hypothetical-claims
-- description: Possible, planned or conditional claims: a modality (may, could, would, will,
--   must, ...) or an `if ...` condition, one row per stating sentence.
-- param: entity  entity  optional     Only claims involving this entity (any alias)
-- param: limit   int     default=100  At most this many rows
SELECT s.name AS subject, t.predicate, o.name AS object, t.modality, t.negated, ev.condition,
       ev.attributed_to, ev.time, ev.confidence, coalesce(sen.text, '') AS sentence
FROM evidence ev
JOIN triples t ON t.id = ev.triple_id
JOIN entities s ON s.id = t.subject_id
JOIN entities o ON o.id = t.object_id
LEFT JOIN sentences sen ON sen.id = ev.sentence_id
WHERE (t.modality <> '' OR ev.condition <> '')
  AND (:entity IS NULL OR t.subject_id = :entity OR t.object_id = :entity)
ORDER BY ev.confidence DESC, ev.id
LIMIT :limit;
