-- name: entities-by-type
-- description: Entities of one type (or all), with their aliases, mention count and number
--   of claims.
-- param: type   entity_type  optional     Only this type (PERSON, ORG, GPE, LOC, GROUP, EVENT, DATE, OTHER)
-- param: limit  int          default=200  At most this many rows
SELECT e.name, e.type,
       (SELECT group_concat(alias, '; ')
        FROM (SELECT a.alias FROM aliases a WHERE a.entity_id = e.id ORDER BY a.alias)) AS aliases,
       (SELECT count(*) FROM mentions m WHERE m.entity_id = e.id) AS mentions,
       (SELECT count(*) FROM triples t WHERE t.subject_id = e.id OR t.object_id = e.id) AS claims
FROM entities e
WHERE :type IS NULL OR e.type = :type
ORDER BY e.type, e.name COLLATE NOCASE, e.id
LIMIT :limit;
