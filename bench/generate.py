#!/usr/bin/env python3
"""Synthetic Dutch Kamervragen for the benchmark, in the three real layouts.

``letter``: the minister's letter ("Vraag 1" / "Antwoord op vraag 1");
``webpage``: the parliament page ("Ingediend / Beantwoord / Indieners / Beantwoord
door", indented "• Vraag 1"); ``publication``: the official publication ("Vragen van
de leden ... (ingezonden ...)", "Antwoord 1"). Each document has a scenario (a threat
actor and its country, a company, a target, an incident, state responses, claims in
all four stances) and 600-1200 words. The same seed always gives the same bytes.

Names, phrases and templates live in ``bench/vocab.json``. ``generate`` also returns
the ground truth of each document (who asked, claims with character offsets), used
by ``bench/run`` to make a graph when the extractor is not there yet.

Usage: ``bench/generate.py N OUT_DIR [--seed S] [--truth]``
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
import sys
from dataclasses import asdict, dataclass, field
from pathlib import Path

__all__ = ["LAYOUTS", "Truth", "generate", "main", "write_corpus"]

VOCAB = json.loads(Path(__file__).with_name("vocab.json").read_text(encoding="utf-8"))
LAYOUTS = ("letter", "webpage", "publication")
MONTHS = tuple(VOCAB["months"])
_POOL_MPS = 150
_POOL_MINISTERS = 12


def slug(name: str) -> str:
    """Same rule as ``kamerkg.extract.ids.slug`` for the names used here."""
    import unicodedata

    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def long_date(day: dt.date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


@dataclass
class Truth:
    """What a document says, with offsets into its text."""

    source: str
    layout: str
    identifier: str
    submitted: str
    answered: str
    asked_by: list[list[str]] = field(default_factory=list)  # [name, party]
    answered_by: list[list[str]] = field(default_factory=list)  # [name, office]
    actors: dict[str, list] = field(default_factory=dict)  # id -> [label, type, aliases]
    claims: list[dict] = field(default_factory=list)
    incidents: list[dict] = field(default_factory=list)
    responses: list[dict] = field(default_factory=list)
    parts: list[dict] = field(default_factory=list)  # kind, number, start, end, covers


class _Text:
    """Appends text and hands back the offsets of what was added."""

    def __init__(self) -> None:
        self.chunks: list[str] = []
        self.size = 0

    def add(self, text: str) -> tuple[int, int]:
        start = self.size
        self.chunks.append(text)
        self.size += len(text)
        return start, self.size

    def replace_last(self, text: str) -> None:
        self.size += len(text) - len(self.chunks[-1])
        self.chunks[-1] = text

    def value(self) -> str:
        return "".join(self.chunks)

    def words(self) -> int:
        return len(self.value().split())


def _people(seed: int) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """Fixed pools of MPs (name, party) and ministers (name, office) for a seed."""
    rng = random.Random(f"pool-{seed}")
    names = sorted({f"{a} {b}" for a in VOCAB["first_names"] for b in VOCAB["last_names"]})
    rng.shuffle(names)
    parties = [p[0] for p in VOCAB["parties"]]
    mps = [(name, rng.choice(parties)) for name in names[:_POOL_MPS]]
    offices = [o[0] for o in VOCAB["offices"]]
    ministers = [
        (name, offices[i % len(offices)])
        for i, name in enumerate(names[_POOL_MPS : _POOL_MPS + _POOL_MINISTERS])
    ]
    return mps, ministers


def _surname(name: str) -> str:
    """ "Anouk van der Meer" -> "Van der Meer" (the header form)."""
    rest = name.split(" ", 1)[1]
    return rest[0].upper() + rest[1:]


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " en " + items[-1]


def generate(index: int, seed: int = 0) -> tuple[str, str, Truth]:
    """Document ``index`` of corpus ``seed``: file name, text and ground truth."""
    rng = random.Random(f"doc-{seed}-{index}")
    mps, ministers = _people(seed)
    layout = LAYOUTS[index % len(LAYOUTS)]
    askers = rng.sample(mps, rng.choice((1, 2, 2, 3)))
    minister = rng.choice(ministers)
    actor_name, actor_aliases, country = rng.choice(VOCAB["threat_actors"])
    company, company_country = rng.choice(VOCAB["companies"])
    target, target_type, article = rng.choice(VOCAB["targets"])
    body, body_aliases = rng.choice(VOCAB["bodies"][:4])
    kind, trigger, incident_template = rng.choice(VOCAB["incidents"])
    submitted = dt.date(2019, 1, 1) + dt.timedelta(days=rng.randrange(6 * 365))
    answered = submitted + dt.timedelta(days=rng.randint(14, 120))
    incident_date = submitted - dt.timedelta(days=rng.randint(5, 90))
    identifier = f"{submitted.year}Z{rng.randrange(1, 25000):05d}"
    outlet, outlet_url = rng.choice(VOCAB["outlets"])
    slots = {
        "actor": actor_name,
        "country": country,
        "company": company,
        "company_country": company_country,
        "target": article + target,
        "body": body,
        "incident_word": trigger,
    }
    slots["incident"] = incident_template.format(**slots)
    slots["target_label"] = target
    slots["headline"] = rng.choice(VOCAB["headlines"]).format(**slots)
    topic = rng.choice(VOCAB["topics"]).format(**slots)
    source = f"bench_{seed}_{index:06d}.txt"
    truth = Truth(
        source,
        layout,
        identifier,
        submitted.isoformat(),
        answered.isoformat(),
        asked_by=[[n, p] for n, p in askers],
        answered_by=[list(minister)],
    )
    for label, typ, aliases in (
        (actor_name, "ThreatActor", actor_aliases),
        (country, "Country", []),
        (company, "Company", []),
        (company_country, "Country", []),
        (target, target_type, []),
        (body, "GovernmentBody", body_aliases),
        (minister[0], "Person", []),
        *((n, "Person", []) for n, _ in askers),
        *((p, "PoliticalParty", []) for _, p in askers),
    ):
        truth.actors.setdefault(slug(label), [label, typ, sorted(aliases)])

    # Questions and their answers: (question, [answer sentences with facts]).
    pairs: list[tuple[str, list[tuple[str, dict | None]]]] = []
    pairs.append((f"Bent u bekend met het bericht '{slots['headline']}'?1", [("Ja.", None)]))
    incident_sentence = (
        f"Op {long_date(incident_date)} vond {slots['incident']} plaats; "
        f"daarbij werd {actor_name} als dader genoemd."
    )
    pairs.append(
        (
            f"Kunt u aangeven wat er bekend is over {slots['incident']}?",
            [(incident_sentence, {"incident": True}), *_filler(rng, 1, 2)],
        )
    )
    for stance in rng.sample(list(VOCAB["stances"]), k=rng.randint(2, 4)):
        relation, template, cue = rng.choice(VOCAB["stances"][stance])
        subject, obj = {
            "attributedTo": (actor_name, country),
            "targeted": (actor_name, target),
            "affiliatedWith": (company, company_country),
            "uses": (target, company),
        }[relation]
        fact = {"claim": (subject, relation, obj, stance, cue or None)}
        if stance == "reported" and "{body}" in template:
            fact["reported_by"] = body
        question = rng.choice(VOCAB["questions"][2:]).format(**slots)
        pairs.append((question, [(template.format(**slots), fact), *_filler(rng, 1, 3)]))
    response_kind, response_trigger, response_template = rng.choice(VOCAB["responses"])
    pairs.append(
        (
            f"Welke maatregelen neemt het kabinet naar aanleiding van {slots['incident']}?",
            [
                (
                    response_template.format(**slots),
                    {"response": (response_kind, response_trigger)},
                ),
                *_filler(rng, 1, 2),
            ],
        )
    )
    target_words = rng.randint(600, 1200)
    text = _Text()
    _header(text, layout, truth, askers, minister, topic, submitted, answered, identifier, rng)
    number = 0
    queue = list(pairs)
    while queue or text.words() < target_words - 80:
        if queue:
            question, answer = queue.pop(0)
        else:
            question = rng.choice(VOCAB["questions"][1:]).format(**slots)
            answer = list(_filler(rng, 2, 5, ref=max(1, number - 1)))
        number += 1
        _qa(
            text,
            layout,
            number,
            question,
            answer,
            truth,
            slots,
            incident_date,
            answered,
            kind,
            trigger,
        )
        if text.words() > 1180:
            break
    footnote = (
        f"1 {outlet}, {long_date(incident_date + dt.timedelta(days=1))}, "
        f"'{slots['headline']}' ({outlet_url}{rng.randrange(10**6, 10**7)})\n"
    )
    text.add("\n" + footnote)
    return source, text.value(), truth


def _filler(rng: random.Random, low: int, high: int, ref: int = 1):
    for sentence in rng.sample(VOCAB["filler"], k=rng.randint(low, high)):
        yield sentence.format(ref=ref), None


def _header(
    text: _Text, layout, truth, askers, minister, topic, submitted, answered, identifier, rng
) -> None:
    leden = "het lid" if len(askers) == 1 else "de leden"
    named = _join([f"{_surname(n)} ({p})" for n, p in askers])
    office = minister[1]
    if layout == "letter":
        text.add(" > Retouradres Postbus 20061 2500 EB  Den Haag\n\n")
        text.add("Aan de Voorzitter van de Tweede Kamer\nder Staten-Generaal\nPostbus 20018\n")
        text.add("2500 EA  DEN HAAG\n\n")
        text.add(f"Datum {long_date(answered)}\nBetreft Beantwoording vragen van {leden} {named} ")
        text.add(f"over {topic}\n\n")
        text.add(
            f"Hierbij bied ik u de antwoorden aan op de schriftelijke vragen gesteld door {leden} "
            f"{named} over {topic}. Deze vragen werden ingezonden op {long_date(submitted)} "
            f"met kenmerk {identifier}.\n\n"
        )
        text.add(f"De {office},\n\n\n{minister[0]}\n\n")
        text.add(
            f"Antwoorden van de {office} op vragen van {leden} {named} over {topic} "
            f"(ingezonden {long_date(submitted)}, {identifier})\n\n"
        )
    elif layout == "webpage":
        days = (answered - submitted).days
        text.add(f"Kamervraag {identifier}\n\n{topic[0].upper() + topic[1:]}\n\n")
        text.add(f"Ingediend {long_date(submitted)}\n")
        text.add(f"Beantwoord {long_date(answered)} (na {days} dagen)\n")
        text.add("Indieners " + ", ".join(f"{n} ({p})" for n, p in askers) + "\n")
        party = rng.choice([p[0] for p in VOCAB["parties"]])
        text.add(f"Beantwoord door {minister[0]} ({office.lower()}) ({party})\n")
        text.add("Onderwerpen openbare orde en veiligheid internationaal\n")
        text.add(f"Bron vraag https://zoek.officielebekendmakingen.nl/kv-tk-{identifier}.html\n")
    else:
        text.add(f"{identifier}\n\n")
        text.add(
            f"Vragen van {leden} {named} aan de {office} over {topic} "
            f"(ingezonden {long_date(submitted)}).\n\n"
        )
        if rng.random() < 0.25:
            notice_day = submitted + dt.timedelta(days=21)
            start, end = text.add(
                f"Mededeling van de {office} (ontvangen {long_date(notice_day)})\n"
                f"De vragen van {leden} {named} kunnen niet binnen de gebruikelijke termijn "
                "worden beantwoord, omdat afstemming met andere departementen nodig is.\n\n"
            )
            truth.parts.append({"kind": "notice", "number": None, "start": start, "end": end})
        surname = _surname(minister[0])
        text.add(
            f"Antwoord van {office.split(' ')[0]} {surname} ({office.split(' ', 2)[2]}) "
            f"(ontvangen {long_date(answered)}).\n\n"
        )


def _qa(
    text, layout, number, question, answer, truth, slots, incident_date, answered, kind, trigger
) -> None:
    if layout == "webpage":
        q_start, _ = text.add(f" • Vraag {number}\n  ")
        text.add(f"{question}\n\n  ")
    else:
        q_start, _ = text.add(f"Vraag {number}\n")
        text.add(f"{question}\n\n")
    q_end = text.size
    truth.parts.append({"kind": "question", "number": number, "start": q_start, "end": q_end})
    a_start = text.size
    if layout == "letter":
        text.add(f"Antwoord op vraag {number}\n")
    elif layout == "publication":
        text.add(f"Antwoord {number}\n")
    for sentence, fact in answer:
        start, end = text.add(sentence)
        text.add(" ")
        if not fact:
            continue
        if "claim" in fact:
            subject, relation, obj, stance, cue = fact["claim"]
            truth.claims.append(
                {
                    "subject": subject,
                    "relation": relation,
                    "object": obj,
                    "stance": stance,
                    "cue": cue,
                    "reported_by": fact.get("reported_by"),
                    "start": start,
                    "end": end,
                }
            )
        elif fact.get("incident"):
            truth.incidents.append(
                {
                    "kind": kind,
                    "trigger": trigger,
                    "label": slots["incident"],
                    "actors": [slots["actor"], slots["target_label"]],
                    "date": incident_date.isoformat(),
                    "start": start,
                    "end": end,
                }
            )
        elif "response" in fact:
            response_kind, response_trigger = fact["response"]
            by = "Europese Unie" if response_kind == "sanction" else "Nederland"
            truth.actors.setdefault(
                slug(by), [by, "Country" if by == "Nederland" else "Organisation", []]
            )
            truth.responses.append(
                {
                    "kind": response_kind,
                    "trigger": response_trigger,
                    "label": sentence.rstrip("."),
                    "by": [by],
                    "incident": 0,
                    "aimed_at": [slots["actor"]],
                    "start": start,
                    "end": end,
                }
            )
    text.replace_last("\n\n")  # the space after the last sentence
    truth.parts.append({"kind": "answer", "number": number, "start": a_start, "end": text.size})


def write_corpus(out_dir: Path, count: int, seed: int = 0, truth: bool = False) -> list[Path]:
    """Write documents 0..count-1 into ``out_dir`` (and ``.json`` truth files)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(count):
        name, text, facts = generate(index, seed)
        path = out_dir / name
        path.write_text(text, encoding="utf-8")
        if truth:
            path.with_suffix(".json").write_text(
                json.dumps(asdict(facts), ensure_ascii=False, indent=1), encoding="utf-8"
            )
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("count", type=int, help="number of documents")
    parser.add_argument("out", type=Path, help="folder to write them into")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--truth", action="store_true", help="also write ground truth JSON")
    args = parser.parse_args(argv)
    if args.count < 0:
        parser.error("count must be >= 0")
    paths = write_corpus(args.out, args.count, args.seed, args.truth)
    print(f"{len(paths)} documents in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
