-- name: co-mentioned
-- description: Entities named in the same sentence as each other (as a mention, or as the
--   subject or object of a claim the sentence states), with how often and an example.
-- param: entity  entity  optional     Only entities named together with this one (any alias)
-- param: limit   int     default=50   At most this many rows
WITH named (sentence_id, entity_id) AS (
    SELECT sentence_id, entity_id FROM mentions
    UNION
    SELECT ev.sentence_id, t.subject_id FROM evidence ev JOIN triples t ON t.id = ev.triple_id
    WHERE ev.sentence_id IS NOT NULL
    UNION
    SELECT ev.sentence_id, t.object_id FROM evidence ev JOIN triples t ON t.id = ev.triple_id
    WHERE ev.sentence_id IS NOT NULL
),
pairs AS (
    SELECT x.entity_id AS first_id, y.entity_id AS second_id, x.sentence_id
    FROM named x
    JOIN named y ON y.sentence_id = x.sentence_id AND y.entity_id <> x.entity_id
    -- Without an entity each pair is listed once; with one, it comes first.
    WHERE (:entity IS NULL AND x.entity_id < y.entity_id) OR x.entity_id = :entity
),
counted AS (
    SELECT first_id, second_id, count(*) AS sentences, min(sentence_id) AS example_id
    FROM pairs
    GROUP BY first_id, second_id
)
SELECT a.name AS entity, b.name AS other, c.sentences, sen.text AS example
FROM counted c
JOIN entities a ON a.id = c.first_id
JOIN entities b ON b.id = c.second_id
JOIN sentences sen ON sen.id = c.example_id
ORDER BY c.sentences DESC, a.name COLLATE NOCASE, b.name COLLATE NOCASE
LIMIT :limit;
