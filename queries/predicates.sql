-- name: predicates
-- description: The predicates of the graph and how often each is used: claims (edges),
--   evidence sentences, denied and hedged claims, and an example.
-- param: limit  int  default=100  At most this many rows
SELECT t.predicate, count(*) AS claims,
       sum((SELECT count(*) FROM evidence ev WHERE ev.triple_id = t.id)) AS evidence,
       sum(t.negated) AS negated, sum(t.modality <> '') AS hedged,
       (SELECT s.name || ' -> ' || o.name FROM triples x
        JOIN entities s ON s.id = x.subject_id JOIN entities o ON o.id = x.object_id
        WHERE x.predicate = t.predicate ORDER BY x.id LIMIT 1) AS example
FROM triples t
GROUP BY t.predicate
ORDER BY claims DESC, evidence DESC, t.predicate
LIMIT :limit;
