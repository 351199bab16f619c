-- name: relation-evidence
-- description: Every claim between two entities, in both directions, with every evidence row:
--   qualifiers, confidence, document and sentence.
-- param: a      entity  required     One entity (any alias)
-- param: b      entity  required     The other entity (any alias)
-- param: limit  int     default=200  At most this many rows
SELECT s.name AS subject, t.predicate, o.name AS object, t.modality, t.negated,
       ev.attributed_to, ev.condition, ev.time, ev.place, ev.confidence,
       d.source AS document, coalesce(sen.text, '') AS sentence
FROM triples t
JOIN entities s ON s.id = t.subject_id
JOIN entities o ON o.id = t.object_id
JOIN evidence ev ON ev.triple_id = t.id
JOIN documents d ON d.id = ev.document_id
LEFT JOIN sentences sen ON sen.id = ev.sentence_id
WHERE (t.subject_id = :a AND t.object_id = :b) OR (t.subject_id = :b AND t.object_id = :a)
ORDER BY t.id, ev.confidence DESC, ev.id
LIMIT :limit;
