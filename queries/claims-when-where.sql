-- name: claims-when-where
-- description: Claims with a time or place qualifier containing the given text (`Monday`,
--   `2024`, `Moscow`); without either, every claim that has a time or a place.
-- param: time   text  optional     Text the time qualifier contains (case-insensitive)
-- param: place  text  optional     Text the place qualifier contains (case-insensitive)
-- param: limit  int   default=100  At most this many rows
--
-- The texts are matched literally: % and _ in them are not wildcards.
SELECT s.name AS subject, t.predicate, o.name AS object, t.modality, t.negated, ev.time,
       ev.place, ev.attributed_to, ev.confidence, coalesce(sen.text, '') AS sentence
FROM evidence ev
JOIN triples t ON t.id = ev.triple_id
JOIN entities s ON s.id = t.subject_id
JOIN entities o ON o.id = t.object_id
LEFT JOIN sentences sen ON sen.id = ev.sentence_id
WHERE (ev.time <> '' OR ev.place <> '')
  AND (:time IS NULL OR ev.time LIKE
       '%' || replace(replace(replace(:time, '\', '\\'), '%', '\%'), '_', '\_') || '%' ESCAPE '\')
  AND (:place IS NULL OR ev.place LIKE
       '%' || replace(replace(replace(:place, '\', '\\'), '%', '\%'), '_', '\_') || '%' ESCAPE '\')
ORDER BY ev.confidence DESC, ev.id
LIMIT :limit;
