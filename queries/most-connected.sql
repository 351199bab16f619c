-- name: most-connected
-- description: The most connected entities: claims as subject (out), as object (in), in all
--   (degree) and how many distinct entities they are linked to.
-- param: type   entity_type  optional    Only entities of this type (PERSON, ORG, GPE, LOC, ...)
-- param: limit  int          default=10  At most this many rows
WITH ends (entity_id, other_id, outgoing) AS (
    SELECT subject_id, object_id, 1 FROM triples
    UNION ALL
    SELECT object_id, subject_id, 0 FROM triples
)
SELECT e.name AS entity, e.type, sum(ends.outgoing) AS out_degree,
       count(*) - sum(ends.outgoing) AS in_degree, count(*) AS degree,
       count(DISTINCT ends.other_id) AS neighbours
FROM ends
JOIN entities e ON e.id = ends.entity_id
WHERE :type IS NULL OR e.type = :type
GROUP BY e.id
ORDER BY degree DESC, neighbours DESC, e.name COLLATE NOCASE, e.id
LIMIT :limit;
