"""Mentions to actors, on invented documents and a small fake gazetteer."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pytest

from kamerkg.extract.ids import fold
from kamerkg.extract.model import Document, Participant
from kamerkg.extract.nlp import find_mentions, load_nlp
from kamerkg.extract.resolve import CorpusIndex, resolve, slug

ROOT = Path(__file__).resolve().parents[2]


@dataclass
class Entry:
    name: str
    type: str
    aliases: tuple[str, ...] = ()
    extra: dict = field(default_factory=dict)
    source: str = "test"

    @property
    def types(self) -> tuple[str, ...]:
        return (self.type,)


class FakeGazetteer:
    """Just enough of ``extract.gazetteer.Gazetteer`` for the resolver."""

    def __init__(self, entries, offices=(), adjectives=None):
        self.entries = list(entries)
        self.offices = list(offices)  # (person, office, from, to)
        self._adj = adjectives or {}
        self._index = {}
        for e in self.entries:
            for n in (e.name, *e.aliases):
                self._index.setdefault(fold(n), e)

    def lookup(self, surface):
        return self._index.get(fold(surface))

    def adjectives(self):
        return {k: self.lookup(v) for k, v in self._adj.items()}

    def patterns(self):
        return [
            {"label": e.type, "pattern": n, "id": e.name}
            for e in self.entries
            for n in (e.name, *e.aliases)
        ]

    def party_of(self, person):
        e = self.lookup(person)
        return e.extra.get("party") if e else None

    def person_by_surname(self, surname):
        out = []
        for e in self.entries:
            if e.type == "Person" and fold(e.extra.get("surname", "")) == fold(surname):
                out.append(e)
        return sorted(out, key=lambda e: e.name)

    def offices_on(self, office, when):
        return sorted(
            p for p, o, a, b in self.offices if fold(o) == fold(office) and a <= when <= b
        )


def person(name, surname, party=None, first_names=""):
    extra = {"surname": surname, "first_names": first_names or name.split()[0]}
    if party:
        extra["party"] = party
    return Entry(name, "Person", extra=extra)


GAZ = FakeGazetteer(
    [
        person("Karel de Boer", "De Boer", "CDA", "Karel Johannes"),
        person("Anna de Boer", "De Boer", "VVD", "Anna"),
        person("Willem Hendrik Stam", "Stam", "D66", "Willem Hendrik"),
        person("Tessa Kuiper", "Kuiper", "PvdA", "Tessa"),
        Entry("CDA", "PoliticalParty", ("Christen-Democratisch Appel",)),
        Entry("VVD", "PoliticalParty"),
        Entry("D66", "PoliticalParty"),
        Entry("PvdA", "PoliticalParty"),
        Entry("Noorwegen", "Country"),
        Entry("Verenigde Staten", "Country", ("VS",)),
    ],
    offices=[("Tessa Kuiper", "minister van Defensie", date(2020, 1, 1), date(2023, 1, 1))],
    adjectives={"noorse": "Noorwegen"},
)


@pytest.fixture(scope="module")
def nlp():
    return load_nlp("blank", GAZ)


def run(nlp, text, corpus=None, **meta):
    doc = Document(source="t.txt", text=text, **meta)
    mentions = find_mentions(nlp, doc)
    return doc, mentions, resolve(doc, mentions, GAZ, corpus=corpus)


def actor(res, label):
    found = [a for a in res.actors if a.label == label]
    assert found, [a.label for a in res.actors]
    return found[0]


def test_slug_is_stable_ascii():
    assert slug("Émile  van 't Hoff") == "emile-van-t-hoff"
    assert slug("Émile  van 't Hoff") == slug("emile van t hoff")


def test_surname_resolves_to_full_name_in_same_document(nlp):
    text = "Jelle Zwart gaf een reactie. Later zei Zwart dat hij twijfelde."
    _, mentions, res = run(nlp, text)
    zwart = actor(res, "Jelle Zwart")
    assert zwart.aliases == {"Zwart"}
    assert len(zwart.mentions) == 2
    assert {m.actor_id for m in mentions} == {"jelle-zwart"}


def test_surname_with_party_picks_the_right_namesake(nlp):
    _, _, res = run(nlp, "Vragen van het lid De Boer (VVD) over drones.")
    boer = actor(res, "Anna de Boer")
    assert boer.type == "Person"
    assert [(c.subject, c.relation, c.object) for c in res.memberships] == [
        ("anna-de-boer", "memberOf", "vvd")
    ]


def test_group_party_applies_to_every_listed_member(nlp):
    text = "Vragen van de leden Stam, Van Rijn en Kuiper (allen D66) over de VS."
    doc, _, res = run(nlp, text)
    members = {(c.subject, c.object) for c in res.memberships}
    assert ("van-rijn", "d66") in members
    assert ("tessa-kuiper", "d66") in members or ("kuiper", "d66") in members
    for claim in res.memberships:
        assert "allen D66" in doc.slice(claim.evidence)
        assert claim.stance == "asserted"


def test_initials_must_fit_first_names(nlp):
    _, _, res = run(nlp, "Een brief van W.H. Stam en van K.J. de Boer volgde.")
    labels = {a.label for a in res.actors if a.type == "Person"}
    assert {"Willem Hendrik Stam", "Karel de Boer"} <= labels


def test_double_surname_joins_the_single_one(nlp):
    text = "Marloes Visser sprak. Daarna vroeg Visser-Bakker om uitstel."
    _, _, res = run(nlp, text)
    assert actor(res, "Marloes Visser").aliases == {"Visser-Bakker"}


def test_bracketed_abbreviation_is_the_same_actor(nlp):
    text = "Het bedrijf Fjord Sensor Technology (FST) levert. Later meldt FST meer."
    _, _, res = run(nlp, text)
    companies = [a for a in res.actors if a.type == "Company"]
    assert len(companies) == 1
    assert "FST" in companies[0].aliases or companies[0].label == "FST"


def test_adjective_with_state_noun_is_the_country(nlp):
    _, _, res = run(nlp, "De Noorse regering en Noorwegen zelf; Noorse bedrijven niet.")
    norway = actor(res, "Noorwegen")
    assert norway.type == "Country"
    assert "Noorse regering" in norway.aliases
    assert not any("bedrijven" in n for a in res.actors for n in a.names())


def test_header_participants_get_party_and_office(nlp):
    text = "Antwoord van minister Kuiper op vragen van het lid Van Rijn."
    _, _, res = run(
        nlp,
        text,
        answered=date(2021, 5, 3),
        asked_by=[Participant("Van Rijn", party="Christen-Democratisch Appel")],
        answered_by=[Participant("Kuiper", office="Minister van Defensie")],
    )
    assert res.answered_by == ["tessa-kuiper"]
    assert res.asked_by == ["van-rijn"]
    kuiper = actor(res, "Tessa Kuiper")
    assert [o.label for o in kuiper.offices] == ["minister van Defensie"]
    assert ("van-rijn", "cda") in {(c.subject, c.object) for c in res.memberships}


def test_office_only_header_resolves_by_date(nlp):
    text = "De minister van Defensie, mede namens de collega's."
    _, _, res = run(
        nlp,
        text,
        answered=date(2022, 2, 1),
        answered_by=[Participant("", office="minister van Defensie")],
    )
    assert res.answered_by == ["tessa-kuiper"]
    assert actor(res, "Tessa Kuiper").offices[0].label == "minister van Defensie"


def test_in_text_role_gives_office_but_not_for_former_ones(nlp):
    text = (
        "De minister van Infrastructuur en Waterstaat Jorrit Hoekman kwam. "
        "Ook voormalig minister van Financiën Renate Prins was er."
    )
    _, _, res = run(nlp, text)
    assert [o.label for o in actor(res, "Jorrit Hoekman").offices] == [
        "minister van Infrastructuur en Waterstaat"
    ]
    assert actor(res, "Renate Prins").offices == []


def test_corpus_index_resolves_surnames_across_documents(nlp):
    corpus = CorpusIndex()
    first = Document(source="a.txt", text="Het lid Wessel van der Laan vroeg het.")
    corpus.add(first, find_mentions(nlp, first))
    _, _, res = run(nlp, "Volgens Van der Laan klopt dat.", corpus=corpus)
    assert "Wessel van der Laan" in {a.label for a in res.actors}
    _, _, alone = run(nlp, "Volgens Van der Laan klopt dat.")
    assert "Van der Laan" in {a.label for a in alone.actors}


def test_every_mention_gets_an_actor_and_ids_are_slugs(nlp):
    text = "De VS en Noorwegen spraken met Tessa Kuiper (PvdA) over APT 29."
    _, mentions, res = run(nlp, text)
    ids = {a.id for a in res.actors}
    assert all(m.actor_id in ids for m in mentions)
    assert all(a.id == slug(a.label) for a in res.actors)
    assert actor(res, "APT29").type == "ThreatActor"
    assert actor(res, "Verenigde Staten").aliases == {"VS"}


# --------------------------------------------------------------------------- sample documents


def _score(actors, gold):
    entities = [(e, {fold(n) for n in [e["name"], *e.get("aliases", [])]}) for e in gold]
    tp = fp = typed = typed_ok = 0
    matched = set()
    for a in actors:
        names = {fold(n) for n in a.names()}
        hits = [i for i, (_, ns) in enumerate(entities) if names & ns]
        if not hits:
            fp += 1
            continue
        matched.update(hits)
        required = [i for i in hits if not entities[i][0].get("optional")]
        if required:
            tp += 1
            types = entities[required[0]][0]["type"]
            types = types if isinstance(types, list) else [types]
            typed += 1
            typed_ok += a.type in types
    fn = sum(1 for i, (e, _) in enumerate(entities) if i not in matched and not e.get("optional"))
    return tp, fp, fn, typed, typed_ok


def test_sample_documents_against_gold():
    gazetteer_module = pytest.importorskip("kamerkg.extract.gazetteer")
    layout = pytest.importorskip("kamerkg.extract.layout")
    gaz = gazetteer_module.load_gazetteer()
    pipe = load_nlp("blank", gaz)
    totals = [0, 0, 0, 0, 0]
    for path in sorted((ROOT / "seeds" / "documents").glob("*.txt")):
        gold = json.loads((ROOT / "seeds" / "gold" / f"{path.stem}.json").read_text("utf-8"))
        doc = layout.parse_document(path.read_text("utf-8"), path.name)
        res = resolve(doc, find_mentions(pipe, doc), gaz)
        for k, v in enumerate(_score(res.actors, gold["entities"])):
            totals[k] += v
    tp, fp, fn, typed, typed_ok = totals
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    f1 = 2 * precision * recall / (precision + recall)
    assert f1 >= 0.8, (precision, recall)
    assert typed_ok / typed >= 0.8


def test_office_noise_and_preposition() -> None:
    from kamerkg.extract.patterns import normalise_office

    assert normalise_office("De minister van Defensie, [Ondertekenaar 7]") == (
        "minister van Defensie"
    )
    # no preposition stated: the ministry list picks "voor"
    assert normalise_office("Minister Buitenlandse Handel en Ontwikkelingshulp") == (
        "minister voor Buitenlandse Handel en Ontwikkelingshulp"
    )
    # a stated preposition is kept
    assert normalise_office("minister van Defensie") == "minister van Defensie"


def test_header_office_takes_the_curated_preposition() -> None:
    from kamerkg.extract.pipeline import Extractor

    text = (
        "Antwoord van minister Faber (Asiel en Migratie), mede namens de minister van "
        "Defensie (ontvangen 3 oktober 2024)\n\nVraag 1\nIs dit zo?\n\nAntwoord 1\nNee.\n"
    )
    extraction = Extractor(model="blank").extract_text(text)
    assert extraction.answered_by == ["marjolein-faber"]
    actor = extraction.actor("marjolein-faber")
    assert actor is not None
    # a ministry of its own since 2024, hence "van" (as rijksoverheid.nl writes it)
    assert [o.label for o in actor.offices] == ["minister van Asiel en Migratie"]
