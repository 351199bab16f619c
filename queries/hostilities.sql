-- name: hostilities
-- description: Attacks and hostilities: attacked, shelled, struck, invaded, bombed, threatened,
--   accused, condemned, sanctioned, ... with who said so, when and where.
-- param: entity  entity  optional     Only hostilities by or against this entity (any alias)
-- param: limit   int     default=100  At most this many rows
--
-- Denied hostilities are left out (see negated-claims and disputed-claims);
-- threatened or possible ones keep their modality.
WITH hostile_words (pattern) AS (
    VALUES ('% attack%'), ('% shell%'), ('% struck %'), ('% strike%'), ('% invad%'), ('% invasion%'),
           ('% bomb%'), ('% threat%'), ('% accus%'), ('% condemn%'), ('% sanction%'), ('% shot %'),
           ('% shoot%'), ('% kill%'), ('% fired on %'), ('% fired at %'), ('% raid%'), ('% assault%'),
           ('% seiz%'), ('% occup%'), ('% annex%'), ('% besieg%'), ('% blockad%'), ('% ambush%'),
           ('% clash%'), ('% fought %'), ('% fight%'), ('% war %'), ('% denounc%'), ('% criticis%'),
           ('% criticiz%'), ('% blam%'), ('% expel%'), ('% retaliat%'), ('% hostil%'), ('% target%'),
           ('% warned %'), ('% embargo%'), ('% punish%'), ('% sabotag%'), ('% massacr%'),
           ('% missile%'), ('% rocket%'), ('% drone%'), ('% airstrike%'), ('% troops into %')
),
-- Peaceful senses of the same words: struck a deal, targeted aid, fought for peace.
not_hostile_words (pattern) AS (
    VALUES ('% struck % deal%'), ('% strike % deal%'), ('% struck % agreement%'), ('% target% aid%'),
           ('% fight% for %'), ('% fought for %')
),
-- Classify each distinct predicate once, then fetch its triples by index.
predicates (predicate) AS (SELECT DISTINCT predicate FROM triples),
hostile_predicates (predicate) AS (
    SELECT p.predicate FROM predicates p
    WHERE EXISTS (SELECT 1 FROM hostile_words w
                  WHERE ' ' || replace(replace(lower(p.predicate), '-', ' '), '_', ' ') || ' ' LIKE w.pattern)
      AND NOT EXISTS (SELECT 1 FROM not_hostile_words w
                      WHERE ' ' || replace(replace(lower(p.predicate), '-', ' '), '_', ' ') || ' ' LIKE w.pattern)
)
SELECT t.subject, t.predicate, t.object, t.modality, t.attributed_to, t.time, t.place,
       t.confidence, t.evidence_count, t.evidence
FROM triple_view t
WHERE t.predicate IN (SELECT predicate FROM hostile_predicates)
  AND t.negated = 0
  AND (:entity IS NULL OR t.subject_id = :entity OR t.object_id = :entity)
ORDER BY t.confidence DESC, t.triple_id
LIMIT :limit;
