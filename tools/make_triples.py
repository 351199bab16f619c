#!/usr/bin/env python3
"""Writes N synthetic news triples in claimgraph's import format (JSON Lines).

Usage: tools/make_triples.py N [--seed S] [--entities E] [-o FILE]
       claimgraph --db big.db import FILE

Deterministic: the same N, seed and entity count give the same bytes. The graph
looks like news: a few entities (big countries, leaders, alliances) appear in
many claims and most in one or two (Zipf-distributed degrees); predicates fit
the types of their ends and are themselves skewed; some claims are repeated by
other sentences (several evidence rows per edge; about 5% of lines), the
rest are distinct edges (so N lines make about 0.95 N triples), some are modal, negated or
attributed, and some names carry diacritics, `&`, quotes or apostrophes.
Standard library only.
"""

import argparse
import bisect
import itertools
import json
import random
import sys

SYLLABLES = ["ar", "bel", "cor", "dan", "el", "fen", "gar", "hal", "is", "jor", "kal", "lun", "mar", "nor",
             "ost", "pel", "quin", "ros", "sal", "tor", "ul", "var", "wen", "xan", "yor", "zel", "ø", "é", "ä"]
FIRST_NAMES = ["Mara", "Tomas", "Ilse", "Rell", "Osk", "Anna", "Jonas", "Zoë", "Björn", "Leila", "Omar", "Chen",
               "Priya", "Kofi", "Elena", "Dmitri", "Sofía", "Hiro", "Amara", "Lucas", "Noor", "Ivan", "Mei", "Raúl"]
ORG_FORMS = ["{} Alliance", "{} Oil", "{} Bank", "{} Party", "{} Institute", "{} & Sons", "{} Group",
             "Ministry of {}", "{} Times", "{} Red Cross", "{} Front", "\"{}\" Movement"]
GROUP_FORMS = ["{} forces", "{} rebels", "{} protesters", "{} militia", "{} farmers"]
EVENT_FORMS = ["{} summit", "{} talks", "{} election", "{} crisis", "{} accord"]
LOC_FORMS = ["{} Valley", "{} River", "Port {}", "{} Strait", "Mount {}"]

# (subject type, object type) -> predicates, most common first.
PREDICATES = {
    ("PERSON", "GPE"): ["president of", "visited", "prime minister of", "foreign minister of", "criticized",
                        "left", "ambassador to", "born in"],
    ("PERSON", "PERSON"): ["met", "spoke with", "criticized", "praised", "accused", "succeeded", "phoned"],
    ("PERSON", "ORG"): ["leads", "joined", "secretary general of", "spokesperson for", "resigned from"],
    ("ORG", "GPE"): ["based in", "sanctioned", "intervene in", "condemned", "invested in", "withdrew from"],
    ("GPE", "GPE"): ["condemned", "attacked", "ally of", "imposed sanctions on", "borders", "signed a deal with",
                     "sent troops to", "recognized"],
    ("GPE", "ORG"): ["member of", "joined", "left", "funds"],
    ("GROUP", "LOC"): ["shelled", "captured", "withdrew from", "blockaded"],
    ("GROUP", "GPE"): ["attacked", "operates in", "fled"],
    ("PERSON", "EVENT"): ["attended", "hosted", "boycotted"],
    ("LOC", "GPE"): ["located in", "disputed by"],
}
# How often each pair of types appears (same order as PREDICATES).
PAIR_WEIGHTS = [30, 18, 10, 10, 16, 5, 4, 3, 3, 1]
MODALITIES = ["may", "could", "will", "would", "must"]
TIMES = ["on Monday", "on Tuesday", "last week", "since 1992", "on Sept. 3", "in March", "overnight"]
PLACES = ["in Geneva", "in Vell", "at the border", "in the capital", "by phone"]
SAY_VERBS = ["said", "told reporters", "claimed", "wrote", "denied"]
# More place words than this would exhaust the syllable combinations (about 25,000).
k_max_places = 5000
# Draws tried for a claim that is not yet an edge before accepting a repeat.
k_redraws = 20


class Zipf:
    """Draws indexes 0..n-1 with probability proportional to 1 / (rank + 1) ** exponent."""

    def __init__(self, n, exponent, rng):
        self.rng = rng
        self.cumulative = list(itertools.accumulate(1.0 / (rank + 1) ** exponent for rank in range(n)))

    def draw(self):
        return bisect.bisect_left(self.cumulative, self.rng.random() * self.cumulative[-1])


def make_word(rng, syllables):
    word = "".join(rng.choice(SYLLABLES) for _ in range(syllables))
    return word[0].upper() + word[1:]


class Entities:
    """Unique names per type, each with a skewed popularity and some aliases."""

    def __init__(self, rng, count):
        self.rng = rng
        weights = {"PERSON": 40, "GPE": 12, "ORG": 25, "GROUP": 10, "LOC": 8, "EVENT": 5}
        self.by_type = {}
        seen = set()
        # Place words come from 29^2 + 29^3 syllable pairs and triples; a few
        # thousand of them name every organisation, group, location and event.
        places = [self.unique(seen, lambda: make_word(rng, rng.choice([2, 2, 3])))
                  for _ in range(min(max(20, count // 8), k_max_places))]
        for entity_type, weight in weights.items():
            n = max(5, count * weight // sum(weights.values()))
            names = []
            for _ in range(n):
                names.append(self.unique(seen, lambda: self.make_name(entity_type, places)))
            self.by_type[entity_type] = (names, Zipf(n, 1.1, rng))

    def unique(self, seen, make):
        while True:
            name = make()
            if name not in seen:
                seen.add(name)
                return name

    def make_name(self, entity_type, places):
        rng = self.rng
        if entity_type == "PERSON":
            last = make_word(rng, rng.choice([2, 3]))
            if rng.random() < 0.03:
                last = "O'" + last
            return f"{rng.choice(FIRST_NAMES)} {last}"
        if entity_type == "GPE":
            return make_word(rng, rng.choice([2, 3])) + rng.choice(["", "", "ia", "land", "stan"])
        place = rng.choice(places)
        forms = {"ORG": ORG_FORMS, "GROUP": GROUP_FORMS, "LOC": LOC_FORMS, "EVENT": EVENT_FORMS}[entity_type]
        return rng.choice(forms).format(place + ("" if rng.random() < 0.7 else " " + make_word(self.rng, 2)))

    def draw(self, entity_type):
        names, zipf = self.by_type[entity_type]
        return names[zipf.draw()]

    def aliases(self, entity_type, name):
        if entity_type == "PERSON":
            return [name.split(" ", 1)[1]]
        if entity_type == "ORG" and " " in name:
            acronym = "".join(w[0] for w in name.replace("\"", "").split() if w[0].isalpha()).upper()
            return [acronym] if len(acronym) >= 2 else []
        return []


def make_triple(rng, entities, pair_zipfs):
    pair = rng.choices(list(PREDICATES), weights=PAIR_WEIGHTS)[0]
    subject_type, object_type = pair
    subject = entities.draw(subject_type)
    obj = entities.draw(object_type)
    while obj == subject:
        obj = entities.draw(object_type)
    predicate = PREDICATES[pair][pair_zipfs[pair].draw()]
    line = {"subject": subject, "subject_type": subject_type, "predicate": predicate,
            "object": obj, "object_type": object_type}
    for side, entity_type, name in (("subject", subject_type, subject), ("object", object_type, obj)):
        aliases = entities.aliases(entity_type, name)
        if aliases and rng.random() < 0.5:
            line[side + "_aliases"] = aliases
    sentence = f"{subject} {predicate} {obj}"
    if rng.random() < 0.10:
        line["modality"] = rng.choice(MODALITIES)
        sentence = f"{subject} {line['modality']} {predicate} {obj}"
    if rng.random() < 0.05:
        line["negated"] = True
        sentence = f"{subject} did not {predicate} {obj}"
    if rng.random() < 0.15:
        line["time"] = rng.choice(TIMES)
        sentence += " " + line["time"]
    if rng.random() < 0.10:
        line["place"] = rng.choice(PLACES)
        sentence += " " + line["place"]
    if rng.random() < 0.20:
        speaker = entities.draw("PERSON")
        line["attributed_to"] = speaker
        sentence = f"{sentence}, {speaker} {rng.choice(SAY_VERBS)}"
    if rng.random() < 0.02:
        sentence = f"\"{sentence}\""
    line["sentence"] = sentence + "."
    line["confidence"] = round(min(0.99, max(0.3, rng.gauss(0.78, 0.12))), 2)
    return line


def edge_key(line):
    """What makes a line a distinct triple in the store."""
    return (line["subject"].lower(), line["subject_type"], line["predicate"], line["object"].lower(),
            line["object_type"], line.get("negated", False), line.get("modality", ""))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("count", type=int, help="number of triples (lines)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument("--entities", type=int, default=0, help="number of entities (default: count / 4)")
    parser.add_argument("-o", "--output", help="output file (default: standard output)")
    args = parser.parse_args()
    if args.count < 0:
        parser.error("count must be at least 0")

    rng = random.Random(args.seed)
    entities = Entities(rng, args.entities or max(50, args.count // 4))
    pair_zipfs = {pair: Zipf(len(predicates), 1.0, rng) for pair, predicates in PREDICATES.items()}
    out = open(args.output, "w", encoding="utf-8") if args.output else sys.stdout
    try:
        previous = []
        edges = set()
        for _ in range(args.count):
            # Some claims are stated again by another sentence: more evidence for one edge.
            if previous and rng.random() < 0.05:
                line = dict(rng.choice(previous))
                line["sentence"] = line["sentence"][:-1] + ", officials repeated."
                line["confidence"] = round(max(0.3, line["confidence"] - 0.1), 2)
            else:
                # A fresh claim is a new edge: redraw (a few times) when hubs
                # happen to repeat one, so N lines give about N distinct triples.
                for _ in range(k_redraws):
                    line = make_triple(rng, entities, pair_zipfs)
                    key = edge_key(line)
                    if key not in edges:
                        break
                edges.add(key)
                if len(previous) < 1000:
                    previous.append(line)
                else:
                    previous[rng.randrange(1000)] = line
            out.write(json.dumps(line, ensure_ascii=False) + "\n")
    finally:
        if out is not sys.stdout:
            out.close()


if __name__ == "__main__":
    main()
