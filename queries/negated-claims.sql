-- name: negated-claims
-- description: Denied claims (`not`, `never`): what was said not to be so, and by whom.
-- param: entity  entity  optional     Only claims involving this entity (any alias)
-- param: limit   int     default=100  At most this many rows
SELECT t.subject, t.predicate, t.object, t.modality, t.attributed_to, t.time, t.place,
       t.confidence, t.evidence_count, t.evidence
FROM triple_view t
WHERE t.negated = 1
  AND (:entity IS NULL OR t.subject_id = :entity OR t.object_id = :entity)
ORDER BY t.confidence DESC, t.triple_id
LIMIT :limit;
