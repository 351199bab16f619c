-- name: said-by
-- description: Who said what: every attributed claim, grouped by speaker (the speaker's
--   entity name when the attribution names a known entity), with its sentence.
-- param: speaker  entity  optional     Only claims attributed to this entity (by any of its aliases)
-- param: limit    int     default=100  At most this many rows
--
-- Attribution is stored as text on each evidence row, so every row counts, not
-- only a triple's best one. A speaker text that is an alias of several entities
-- is shown as written.
WITH attributed AS (
    SELECT ev.*,
           (SELECT CASE WHEN count(DISTINCT a.entity_id) = 1 THEN min(e.name) END
            FROM aliases a JOIN entities e ON e.id = a.entity_id
            WHERE a.alias = ev.attributed_to COLLATE NOCASE) AS speaker_entity
    FROM evidence ev
    WHERE ev.attributed_to <> ''
)
SELECT coalesce(ev.speaker_entity, ev.attributed_to) AS speaker,
       s.name AS subject, t.predicate, o.name AS object, t.modality, t.negated,
       ev.condition, ev.time, ev.place, ev.confidence, coalesce(sen.text, '') AS sentence
FROM attributed ev
JOIN triples t ON t.id = ev.triple_id
JOIN entities s ON s.id = t.subject_id
JOIN entities o ON o.id = t.object_id
LEFT JOIN sentences sen ON sen.id = ev.sentence_id
WHERE :speaker IS NULL
   OR EXISTS (SELECT 1 FROM aliases a WHERE a.entity_id = :speaker AND a.alias = ev.attributed_to COLLATE NOCASE)
ORDER BY speaker COLLATE NOCASE, ev.confidence DESC, ev.id
LIMIT :limit;
