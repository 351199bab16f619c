-- name: memberships
-- description: Memberships and alliances: who is a member, ally, partner or part of whom
--   (member of, ally of, allied with, joined, belongs to, signatory of, ...).
-- param: entity  entity  optional     Only relations involving this entity (any alias)
-- param: limit   int     default=100  At most this many rows
--
-- Denied memberships are left out: see negated-claims.
WITH membership_words (pattern) AS (
    VALUES ('% member%'), ('% ally %'), ('% allies %'), ('% allied %'), ('% alliance %'),
           ('% part of %'), ('% joined %'), ('% join %'), ('% joins %'), ('% belong%'),
           ('% partner%'), ('% affiliat%'), ('% signator%'), ('% coalition %'), ('% bloc %'),
           ('% federation %'), ('% union with %'), ('% treaty %')
),
-- Classify each distinct predicate once, then fetch its triples by index.
predicates (predicate) AS (SELECT DISTINCT predicate FROM triples),
membership_predicates (predicate) AS (
    SELECT p.predicate FROM predicates p
    WHERE EXISTS (SELECT 1 FROM membership_words w
                  WHERE ' ' || replace(replace(lower(p.predicate), '-', ' '), '_', ' ') || ' ' LIKE w.pattern)
)
SELECT t.subject AS member, t.predicate AS relation, t.object AS "group", t.modality,
       t.confidence, t.evidence
FROM triple_view t
WHERE t.predicate IN (SELECT predicate FROM membership_predicates)
  AND t.negated = 0
  AND (:entity IS NULL OR t.subject_id = :entity OR t.object_id = :entity)
ORDER BY t.object COLLATE NOCASE, t.subject COLLATE NOCASE, t.triple_id
LIMIT :limit;
