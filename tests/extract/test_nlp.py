"""The spaCy pipeline and the rule families, on invented Dutch sentences."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

import pytest

from kamerkg.extract import nlp as nlp_module
from kamerkg.extract.errors import InputError
from kamerkg.extract.model import Document, Participant, Span
from kamerkg.extract.nlp import PhraseIndex, find_mentions, load_nlp, sentences
from kamerkg.extract.patterns import (
    find_codes,
    find_organisations,
    find_persons,
    load_lexicons,
    normalise_office,
    party_after,
    role_before,
    sentence_starts,
)


@dataclass
class FakeEntry:
    name: str
    type: str
    aliases: tuple[str, ...] = ()
    extra: dict = field(default_factory=dict)


class FakeGazetteer:
    """The slice of the gazetteer API the pipeline uses."""

    def __init__(self, entries: list[FakeEntry], adjectives: dict[str, str] | None = None):
        self.entries = entries
        self._adj = adjectives or {}

    def patterns(self) -> list[dict]:
        return [
            {"label": e.type, "pattern": name, "id": e.name}
            for e in self.entries
            for name in (e.name, *e.aliases)
        ]

    def adjectives(self) -> dict[str, FakeEntry]:
        by_name = {e.name: e for e in self.entries}
        return {k: by_name[v] for k, v in self._adj.items()}


GAZ = FakeGazetteer(
    [
        FakeEntry("Rusland", "Country", ("Russische Federatie",)),
        FakeEntry("Europese Unie", "Organisation", ("EU",)),
        FakeEntry("PvdA", "PoliticalParty", ("Partij van de Arbeid",)),
        FakeEntry("Voor Nederland", "PoliticalParty"),
        FakeEntry("Kustwacht", "GovernmentBody"),
        FakeEntry("Ministerie van Defensie", "GovernmentBody", ("Defensie",)),
    ],
    adjectives={"russische": "Rusland"},
)


@pytest.fixture(scope="module")
def nlp():
    return load_nlp("blank", GAZ)


def found(nlp, text: str) -> list[tuple[str, str]]:
    doc = Document(source="t.txt", text=text)
    return [(m.text, m.label) for m in find_mentions(nlp, doc)]


# --------------------------------------------------------------------------- loading


def test_missing_model_raises_numbered_error():
    with pytest.raises(InputError) as info:
        load_nlp("/nonexistent/kamerkg-model")
    assert info.value.code == "E201"
    assert "--model blank" in str(info.value)


def test_blank_pipeline_has_our_components():
    pipe = load_nlp("blank")
    assert pipe.pipe_names == ["kamerkg_senter", "kamerkg_ruler", "kamerkg_merge"]


# --------------------------------------------------------------------------- tokenizer


@pytest.mark.parametrize("word", ["D66", "50PLUS", "JA21", "APT31", "2021Z16950", "GL-PvdA"])
def test_tokenizer_keeps_codes_whole(nlp, word):
    assert [t.text for t in nlp.make_doc(f"Zie {word} hier")] == ["Zie", word, "hier"]


@pytest.mark.parametrize(
    ("text", "tail"),
    [
        ("Klopt dit bericht'?3", ["'", "?", "3"]),
        ("zo meekijkt»»?2", ["»", "»", "?", "2"]),
        ("het Bureau of Trade.4", ["Trade", ".", "4"]),
        ("de bisschop Tan?[7]", ["Tan", "?", "[", "7", "]"]),
    ],
)
def test_tokenizer_splits_glued_footnote_digits(nlp, text, tail):
    tokens = [t.text for t in nlp.make_doc(text)]
    assert tokens[-len(tail) :] == tail


# --------------------------------------------------------------------------- sentences


def test_sentences_respect_abbreviations_initials_and_line_breaks():
    text = (
        "Mw. Visser sprak o.a. met dhr. Bos over bijv. de t/m 3 genoemde\n"
        "punten. J.P. de Groot was er ook op 4 maart jl. bij.\n\n"
        "Vraag 2\nWeet u dat?\n"
    )
    starts = sentence_starts(text)
    pieces = [text[s : s + 9] for s in starts]
    assert pieces == ["Mw. Visse", "J.P. de G", "Vraag 2\nW", "Weet u da"]


def test_sentences_after_footnote_marks_and_quotes():
    text = "Kent u het stuk «Wie kijkt mee»?1 Ja. Het staat op pagina 2.0 Dat klopt."
    pieces = [text[s : s + 6] for s in sentence_starts(text)]
    assert pieces[:3] == ["Kent u", "Ja. He", "Het st"]
    assert not any(p.startswith("Dat") for p in pieces)  # "2.0" is a number


def test_sentences_api_gives_trimmed_spans(nlp):
    doc = Document(source="t.txt", text="  Eerste zin hier.  Tweede zin daar.\n\n1. Punt een\n")
    spans = sentences(nlp, doc)
    assert [doc.slice(s) for s in spans] == ["Eerste zin hier.", "Tweede zin daar.", "1. Punt een"]


# --------------------------------------------------------------------------- persons


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Volgens Marloes van der Linden is dat zo.", "Marloes van der Linden"),
        ("Daarover sprak Pieter-Jan Hoogendijk gisteren.", "Pieter-Jan Hoogendijk"),
        ("De brief van K.L. Verbeek kwam later.", "K.L. Verbeek"),
        ("Ook het lid Van der Vlist vroeg ernaar.", "Van der Vlist"),
        ("Daarna antwoordde mevrouw Brouwer-Kamp kort.", "Brouwer-Kamp"),
        ("Gisteren kwam Sanne ter Beek Slot langs.", "Sanne ter Beek Slot"),
    ],
)
def test_person_name_families(text, name):
    lex = load_lexicons()
    got = [text[c.start : c.end] for c in find_persons(text, lex) if c.label == "Person"]
    assert name in got


def test_person_rule_does_not_swallow_a_place():
    text = "burgemeester Annelies Dekker van Utrecht opende"
    lex = load_lexicons()
    got = [text[c.start : c.end] for c in find_persons(text, lex)]
    assert "Annelies Dekker" in got
    assert all("Utrecht" not in g for g in got)


def test_party_attachments_make_persons_and_parties():
    text = "de leden Mulder, De Haan en Van Vliet (allen PvdA) en Smit (beiden SP)"
    lex = load_lexicons()
    cands = find_persons(text, lex, lambda s: "PoliticalParty" if s == "PvdA" else None)
    persons = {text[c.start : c.end] for c in cands if c.label == "Person"}
    parties = {text[c.start : c.end] for c in cands if c.label == "PoliticalParty"}
    assert {"Mulder", "Van Vliet", "Smit"} <= persons
    assert parties == {"PvdA", "SP"}
    assert party_after(text, text.index("Smit") + 4)[0] == "SP"


def test_party_bracket_after_a_company_is_no_person():
    text = "het bedrijf Noordzee Drones (NZD) levert"
    lex = load_lexicons()
    assert not [c for c in find_persons(text, lex) if c.label == "Person"]


def test_role_phrases_name_person_and_office():
    text = "de minister van Onderwijs, Cultuur en Wetenschap, Hidde Jansma, schreef"
    lex = load_lexicons()
    names = [text[c.start : c.end] for c in find_persons(text, lex)]
    assert "Hidde Jansma" in names
    office = role_before(text, text.index("Hidde"))
    assert office is not None and office[0] == "minister van Onderwijs, Cultuur en Wetenschap"
    assert role_before("de voormalig staatssecretaris van Financiën Bas Rook", 48)[1] is True


def test_office_labels_are_normalised():
    assert normalise_office("Minister voor Rechtsbescherming") == "minister voor Rechtsbescherming"
    assert normalise_office("minister defensie") == "minister van Defensie"
    assert normalise_office("Staatssecretaris van Financien") == "staatssecretaris van Financiën"


def test_sentence_initial_and_heading_words_are_not_names(nlp):
    text = "Vraag 3\nDeze Maandag zei Kamerleden niets. Zo Januari gaat het."
    assert not [m for m in found(nlp, text) if m[1] == "Person"]


# --------------------------------------------------------------------------- organisations, codes


@pytest.mark.parametrize(
    ("text", "name", "label"),
    [
        (
            "Hij werkt bij Stichting Open Netwerk sinds kort.",
            "Stichting Open Netwerk",
            "Organisation",
        ),
        (
            "Het Ministerie van Verkeer en Waterstaat besloot.",
            "Ministerie van Verkeer en Waterstaat",
            "GovernmentBody",
        ),
        (
            "Een levering door Polder Cable Corporation volgde.",
            "Polder Cable Corporation",
            "Company",
        ),
        ("Het Department of Energy reageerde.", "Department of Energy", "GovernmentBody"),
        (
            "Zie het rapport van het Rathenau Instituut over data.",
            "Rathenau Instituut",
            "Organisation",
        ),
        (
            "Ook de Noordelijke Veiligheidsraad keek mee.",
            "Noordelijke Veiligheidsraad",
            "GovernmentBody",
        ),
    ],
)
def test_organisation_heads_and_tails(text, name, label):
    lex = load_lexicons()
    got = [(text[c.start : c.end], c.label) for c in find_organisations(text, lex)]
    assert (name, label) in got


def test_titles_in_quotes_are_not_organisations():
    text = "Kent u het artikel ‘Hackers Target Harbour Group Networks’? Ja."
    assert find_organisations(text, load_lexicons()) == []


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        ("de groep APT 41 viel aan", "APT41"),
        ("volgens ATP28 en", "APT28"),
        ("de actor UNC2452 is", "UNC2452"),
        ("de groep TA505 stuurde", "TA505"),
        ("Storm-0978 misbruikte", "Storm-0978"),
        ("sinds Salt Typhoon en", "Salt Typhoon"),
        ("bekend als Cozy Bear werd", "Cozy Bear"),
    ],
)
def test_threat_actor_codes(text, canonical):
    assert [c.canonical for c in find_codes(text, load_lexicons())] == [canonical]


def test_adjective_phrases(nlp):
    text = "De Russische regering en de Russische geheime diensten; Russische bedrijven niet."
    got = found(nlp, text)
    assert ("Russische regering", "Country") in got
    assert ("Russische geheime diensten", "GovernmentBody") in got
    assert not [m for m in got if m[0].startswith("Russische bedrijven")]


# --------------------------------------------------------------------------- curated names


def test_curated_names_ignore_case_diacritics_and_line_breaks(nlp):
    got = found(nlp, "Zowel de Russische\nfederatie als de EU-lidstaten en de Kustwacht.")
    assert ("Russische\nfederatie", "Country") in got
    assert ("EU", "Organisation") in got
    assert ("Kustwacht", "GovernmentBody") in got


def test_curated_short_caps_and_capitalised_names_keep_case():
    index = PhraseIndex()
    index.add("EU", "Organisation", "Europese Unie")
    index.add("Voor Nederland", "PoliticalParty", "Voor Nederland")
    text = "Het eu-beleid is goed voor Nederland, zegt Voor Nederland."
    hits = [(text[c.start : c.end], c.canonical) for c in index.find(text)]
    assert hits == [("Voor Nederland", "Voor Nederland")]


def test_portfolio_after_minister_is_an_office_not_a_ministry(nlp):
    got = found(nlp, "De minister van Defensie schreef; het ministerie van Defensie zweeg.")
    assert got == [("ministerie van Defensie", "GovernmentBody")]


def test_no_names_inside_web_addresses(nlp):
    got = found(nlp, "Zie https://www.eu.example/rusland?ref=Kustwacht voor meer.")
    assert got == []


def test_longest_rule_wins_over_a_contained_curated_name(nlp):
    got = found(nlp, "Het bedrijf Rusland Data Group Corporation leverde.")
    assert got == [("Rusland Data Group Corporation", "Company")]


# --------------------------------------------------------------------------- find_mentions


def test_mentions_are_sorted_non_overlapping_with_exact_offsets(nlp):
    text = "Joost Verhoef (PvdA) sprak met de EU. Daarna volgde APT 29 uit Rusland."
    doc = Document(source="t.txt", text=text)
    mentions = find_mentions(nlp, doc)
    assert [m.span.start for m in mentions] == sorted(m.span.start for m in mentions)
    for a, b in itertools.pairwise(mentions):
        assert a.span.end <= b.span.start
    for m in mentions:
        assert text[m.span.start : m.span.end] == m.text
    assert {m.source for m in mentions} <= {"rule", "pattern", "model", "header"}


def test_long_texts_are_processed_in_parts_with_exact_offsets(nlp, monkeypatch):
    monkeypatch.setattr(nlp_module, "CHUNK_CHARS", 120)
    paragraph = "Het lid Van der Vlist vroeg de EU om hulp tegen Rusland.\n\n"
    text = paragraph * 12
    doc = Document(source="t.txt", text=text)
    monkeypatch.setattr(nlp_module, "_chunks", lambda t, size=120: _orig_chunks(t, 120))
    mentions = find_mentions(nlp, doc)
    assert len([m for m in mentions if m.text == "Rusland"]) == 12
    for m in mentions:
        assert text[m.span.start : m.span.end] == m.text
    assert len(sentences(nlp, doc)) == 12


_orig_chunks = nlp_module._chunks


def test_header_participants_become_mentions(nlp):
    text = "Vragen van het lid xyz over drones."
    doc = Document(
        source="t.txt",
        text=text,
        asked_by=[Participant("xyz", span=Span(text.index("xyz"), text.index("xyz") + 3))],
    )
    mentions = find_mentions(nlp, doc)
    assert [(m.text, m.source) for m in mentions] == [("xyz", "header")]


def test_role_phrase_with_honorific_and_non_latin1_names():
    text = "de staatssecretaris van Digitalisering, mevrouw Kılıç-Yılmaz, zei"
    lex = load_lexicons()
    names = [text[c.start : c.end] for c in find_persons(text, lex)]
    assert "Kılıç-Yılmaz" in names
    assert role_before(text, text.index("Kılıç"))[0] == "staatssecretaris van Digitalisering"
    assert role_before("zei minister Lu Wei", 13) is None  # no portfolio, no office


def test_company_name_drops_a_leading_nationality_adjective():
    text = "De overname door het Zweedse Fjell Data Group werd getoetst."
    got = [(text[c.start : c.end], c.label) for c in find_organisations(text, load_lexicons())]
    assert got == [("Fjell Data Group", "Company")]


def test_later_surnames_and_abbreviations_are_mentions(nlp):
    text = (
        "Minister Jorrit Hoekman sprak met Noordkaap Sensor Technology (NST). "
        "Hoekman vroeg NST om uitleg."
    )
    got = found(nlp, text)
    assert got.count(("Hoekman", "Person")) == 1
    assert got.count(("NST", "Company")) == 2


# --- generalisation: acronyms, glued footnotes, ministries, letterheads, particles


def _found(text: str) -> list[tuple[str, str]]:
    from kamerkg.extract.gazetteer import load_gazetteer
    from kamerkg.extract.layout import parse_document
    from kamerkg.extract.nlp import find_mentions, load_nlp

    nlp = _GEN_NLP.setdefault("nlp", load_nlp("blank", load_gazetteer()))
    doc = parse_document(text, "t.txt")
    return [(m.text, m.label) for m in find_mentions(nlp, doc)]


_GEN_NLP: dict = {}


def test_defined_acronym_gives_name_and_abbreviation() -> None:
    found = _found("Het Landelijk Meldpunt Havenveiligheid (LMH) waarschuwde; LMH zag het.")
    assert ("Landelijk Meldpunt Havenveiligheid", "Organisation") in found
    assert ("LMH", "Organisation") in found


def test_law_with_acronym_is_no_actor() -> None:
    found = _found("De Wet Beveiliging Netwerkdiensten (WBN) geldt sinds maart.")
    assert all("Wet" not in text for text, _ in found)


def test_glued_footnote_number_leaves_the_name() -> None:
    found = _found("Volgens de MIVD4 en Huawei12 was het niet zo.")
    assert ("MIVD", "GovernmentBody") in found
    assert ("Huawei", "Company") in found


def test_ministry_with_portfolio_after_lowercase_ministerie() -> None:
    text = "Het toenmalige ministerie van Economische Zaken, Landbouw en Innovatie zweeg."
    assert ("ministerie van Economische Zaken, Landbouw en Innovatie", "GovernmentBody") in _found(
        text
    )


def test_letterhead_name_does_not_run_into_the_address() -> None:
    found = _found("Ministerie van Defensie\nPlein 4\nPostbus 123\n\nGeachte voorzitter,")
    assert found[0] == ("Ministerie van Defensie", "GovernmentBody")


def test_particle_before_country_adjective_is_no_person() -> None:
    found = _found("Daarop is niets gezegd. Van\nRussische kant kwam geen reactie.")
    assert not [text for text, label in found if label == "Person"]


def test_a_known_name_inside_a_hyphenated_word_is_no_mention(nlp):
    # "Zuid-Rusland" names a region, not the country: claims rely on this and do not re-check.
    assert ("Rusland", "Country") not in found(nlp, "Schepen voeren langs Zuid-Rusland.")
    assert ("Rusland", "Country") in found(nlp, "Schepen voeren langs Rusland.")
