-- name: about-entity
-- description: Everything the graph says about an entity, in both directions: each claim
--   with its qualifiers, who said it and the best evidence sentence.
-- param: entity  entity  required     The entity (any alias)
-- param: limit   int     default=100  At most this many rows
SELECT CASE WHEN t.subject_id = :entity THEN 'out' ELSE 'in' END AS direction,
       t.subject, t.predicate, t.object, t.modality, t.negated, t.attributed_to, t.condition,
       t.time, t.place, t.confidence, t.evidence_count, t.evidence
FROM triple_view t
WHERE t.subject_id = :entity OR t.object_id = :entity
ORDER BY t.confidence DESC, t.triple_id
LIMIT :limit;
