-- name: roles
-- description: Who holds which office where: person -> role -> country or organisation
--   (president of, prime minister of, secretary general of, head of, leads, ...).
-- param: entity  entity  optional     Only roles held by, or held in, this entity (any alias)
-- param: limit   int     default=100  At most this many rows
--
-- A role predicate has a word of the office class; verbs of leading (heads, leads,
-- chairs, governs) count too, but not their travel and cause senses (heads to,
-- led to). Denied roles are left out.
WITH role_words (pattern) AS (
    VALUES ('% president %'), ('% minister %'), ('% premier %'), ('% chancellor %'),
           ('% secretary %'), ('% general %'), ('% head %'), ('% heads %'), ('% headed %'),
           ('% leader %'), ('% leads %'), ('% led %'), ('% chief %'), ('% chair%'),
           ('% ceo %'), ('% director %'), ('% king %'), ('% queen %'), ('% monarch %'),
           ('% emir %'), ('% governor %'), ('% governs %'), ('% mayor %'), ('% ambassador %'),
           ('% envoy %'), ('% spokes%'), ('% commander %'), ('% founder %'), ('% speaker of %'),
           ('% senator %'), ('% deputy %'), ('% executive %')
),
not_role_words (pattern) AS (
    VALUES ('% head% to %'), ('% head% for %'), ('% head% into %'), ('% head% back %'),
           ('% lead to %'), ('% leads to %'), ('% led to %'), ('% general strike%')
),
-- Classify each distinct predicate once, then fetch its triples by index.
predicates (predicate) AS (SELECT DISTINCT predicate FROM triples),
role_predicates (predicate) AS (
    SELECT p.predicate FROM predicates p
    WHERE EXISTS (SELECT 1 FROM role_words w
                  WHERE ' ' || replace(replace(lower(p.predicate), '-', ' '), '_', ' ') || ' ' LIKE w.pattern)
      AND NOT EXISTS (SELECT 1 FROM not_role_words w
                      WHERE ' ' || replace(replace(lower(p.predicate), '-', ' '), '_', ' ') || ' ' LIKE w.pattern)
)
SELECT t.subject AS holder, t.predicate AS role, t.object AS of, t.object_type AS of_type,
       t.modality, t.confidence, t.evidence
FROM triple_view t
WHERE t.predicate IN (SELECT predicate FROM role_predicates)
  AND t.negated = 0
  AND (:entity IS NULL OR t.subject_id = :entity OR t.object_id = :entity)
ORDER BY t.object COLLATE NOCASE, t.subject COLLATE NOCASE, t.triple_id
LIMIT :limit;
