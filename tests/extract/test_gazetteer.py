"""Tests of the curated actor lists and their loader ``extract/gazetteer.py``."""

from __future__ import annotations

import csv
from datetime import date, datetime
from importlib import resources
from pathlib import Path

import pytest

from kamerkg.extract.errors import InputError
from kamerkg.extract.gazetteer import (
    TYPE_PRIORITY,
    Entry,
    Gazetteer,
    load_gazetteer,
    norm_key,
    office_key,
)
from kamerkg.extract.model import ACTOR_TYPES


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


# ----------------------------------------------------------------------------- shipped lists


def test_shipped_lists_load_with_valid_types(gaz: Gazetteer) -> None:
    assert len(gaz.entries) > 900
    for entry in gaz.entries:
        assert isinstance(entry, Entry)
        assert entry.name and entry.name == entry.name.strip()
        assert entry.types and entry.type == entry.types[0]
        assert set(entry.types) <= set(ACTOR_TYPES), entry.source
    assert set(TYPE_PRIORITY) == set(ACTOR_TYPES)
    assert {e.type for e in gaz.entries} == set(ACTOR_TYPES)


def test_shipped_lists_have_no_undeclared_shared_names(gaz: Gazetteer) -> None:
    # Loading raises E115 on conflicts; check again independently of the loader.
    owners: dict[str, set[str]] = {}
    shared: set[str] = set()
    for entry in gaz.entries:
        for name in entry.names():
            owners.setdefault(norm_key(name), set()).add(entry.name)
        shared.update(norm_key(s) for s in entry.extra.get("shared", "").split("|") if s)
    clashes = {k: v for k, v in owners.items() if len(v) > 1 and k not in shared}
    assert clashes == {}


def test_every_shipped_csv_is_read() -> None:
    folder = resources.files("kamerkg.seeds") / "actors"
    names = sorted(p.name for p in folder.iterdir() if p.name.endswith(".csv"))
    assert names == [
        "bodies.csv",
        "companies.csv",
        "countries.csv",
        "ministries.csv",
        "offices.csv",
        "organisations.csv",
        "parties.csv",
        "people.csv",
        "threat_actors.csv",
    ]
    gaz = load_gazetteer()
    sources = {e.source.split(":")[0] for e in gaz.entries} | {
        t.source.split(":")[0] for t in gaz.terms
    }
    assert sources == set(names)


def test_people_list_is_large_and_parties_resolve(gaz: Gazetteer) -> None:
    people = [e for e in gaz.entries if e.type == "Person"]
    assert len(people) >= 350
    parties = {e.name for e in gaz.entries if "PoliticalParty" in e.types}
    for person in people:
        assert person.get("gender") in (None, "M", "F"), person.source
        if person.get("party"):
            assert person.get("party") in parties, person.source


def test_countries_cover_un_members_and_extras(gaz: Gazetteer) -> None:
    countries = {e.name for e in gaz.entries if e.type == "Country"}
    assert len(countries) >= 199
    assert {"Taiwan", "Hongkong", "Kosovo", "Palestina", "Nieuw-Zeeland"} <= countries


def test_load_is_cached(gaz: Gazetteer) -> None:
    assert load_gazetteer() is gaz


# ----------------------------------------------------------------------------- lookup


@pytest.mark.parametrize(
    ("surface", "name", "type_"),
    [
        ("China", "China", "Country"),
        ("volksrepubliek china", "China", "Country"),
        ("VOLKSREPUBLIEK  CHINA", "China", "Country"),
        ("Russische Federatie", "Rusland", "Country"),
        ("VS", "Verenigde Staten", "Country"),
        ("VK", "Verenigd Koninkrijk", "Country"),
        ("New Zealand", "Nieuw-Zeeland", "Country"),
        ("Oekraine", "Oekraïne", "Country"),
        ("Christen-Democratisch Appel", "CDA", "PoliticalParty"),
        ("NSC", "Nieuw Sociaal Contract", "PoliticalParty"),
        ("GL-PvdA", "GroenLinks-PvdA", "PoliticalParty"),
        ("CCP", "Chinese Communistische Partij", "PoliticalParty"),
        ("Nationaal Coordinator Terrorismebestrijding en Veiligheid", "NCTV", "GovernmentBody"),
        ("het kabinet", "kabinet", "GovernmentBody"),
        ("De politie", "politie", "GovernmentBody"),
        ("uw Kamer", "Tweede Kamer", "GovernmentBody"),
        ("Bureau of Industrial Security", "Bureau of Industry and Security", "GovernmentBody"),
        ("ministerie van JenV", "Ministerie van Justitie en Veiligheid", "GovernmentBody"),
        ("Defensie", "Ministerie van Defensie", "GovernmentBody"),
        ("PLA", "Volksbevrijdingsleger", "GovernmentBody"),
        ("Advanced Persistent Threat Group 31", "APT31", "ThreatActor"),
        ("apt 40", "APT40", "ThreatActor"),
        ("Fancy Bear", "APT28", "ThreatActor"),
        ("Da Jiang Innovations", "DJI", "Company"),
        ("Shenzhen Zhenhua Data Information Technology", "Zhenhua Data", "Company"),
        ("IPAC", "Inter-Parliamentary Alliance on China", "Organisation"),
        ("Ferdinand Grapperhaus", "Ferd Grapperhaus", "Person"),
        ("ingrid michon-derkzen", "Ingrid Michon", "Person"),
        ("Dilan Yesilgoz-Zegerius", "Dilan Yeşilgöz-Zegerius", "Person"),
        ("Bas van ’t Wout", "Bas van 't Wout", "Person"),
    ],
)
def test_lookup_variants(gaz: Gazetteer, surface: str, name: str, type_: str) -> None:
    entry = gaz.lookup(surface)
    assert entry is not None, surface
    assert (entry.name, entry.type) == (name, type_)


def test_lookup_unknown_and_surname_only(gaz: Gazetteer) -> None:
    assert gaz.lookup("Atlantis") is None
    assert gaz.lookup("") is None
    # Surnames alone are for person_by_surname, not for lookup.
    assert gaz.lookup("Grapperhaus") is None


def test_lookup_derived_forms(gaz: Gazetteer) -> None:
    # Hyphen written as a space, leading article dropped.
    assert gaz.lookup("VN Veiligheidsraad").name == "VN-Veiligheidsraad"
    assert gaz.lookup("de NAVO").name == "NAVO"


def test_lookup_type_filter(gaz: Gazetteer) -> None:
    assert gaz.lookup("CDA", types=["Person"]) is None
    assert gaz.lookup("CDA", types=["PoliticalParty"]).name == "CDA"


def test_norm_key_examples() -> None:
    assert norm_key("  Mariëtte\tHamer ") == "mariette hamer"
    assert norm_key("NCTV") == norm_key("nctv")


# ----------------------------------------------------------------------------- adjectives


def test_adjectives_map_to_countries(gaz: Gazetteer) -> None:
    adjectives = gaz.adjectives()
    for form, country in [
        ("chinese", "China"),
        ("chinees", "China"),
        ("chinezen", "China"),
        ("russische", "Rusland"),
        ("iraanse", "Iran"),
        ("amerikaanse", "Verenigde Staten"),
        ("britse", "Verenigd Koninkrijk"),
        ("nederlandse", "Nederland"),
        ("japanse", "Japan"),
        ("oekraïense", "Oekraïne"),
        ("oekraiense", "Oekraïne"),
    ]:
        assert adjectives[form].name == country, form
        assert adjectives[form].type == "Country"
    assert all(key == key.lower() for key in adjectives)


# ----------------------------------------------------------------------------- offices


@pytest.mark.parametrize(
    ("office", "when", "expected"),
    [
        ("minister van Justitie en Veiligheid", date(2020, 10, 12), ["Ferd Grapperhaus"]),
        ("Minister van Justitie en Veiligheid", date(2023, 3, 1), ["Dilan Yeşilgöz-Zegerius"]),
        ("minister justitie en veiligheid", date(2021, 11, 18), ["Ferd Grapperhaus"]),
        ("minister buitenlandse zaken", date(2021, 11, 18), ["Ben Knapen"]),
        ("de minister van Buitenlandse Zaken", date(2024, 4, 26), ["Hanke Bruins Slot"]),
        ("minister van BZK", date(2019, 5, 1), ["Kajsa Ollongren"]),
        ("minister van Defensie", date(2016, 6, 1), ["Jeanine Hennis-Plasschaert"]),
        ("premier", date(2015, 1, 1), ["Mark Rutte"]),
        ("minister-president", datetime(2005, 1, 1, 12, 0), ["Jan Peter Balkenende"]),
        ("minister van Algemene Zaken", date(2024, 9, 1), ["Dick Schoof"]),
        (
            "minister voor Buitenlandse Handel en Ontwikkelingssamenwerking",
            date(2020, 9, 16),
            ["Sigrid Kaag"],
        ),
        ("staatssecretaris van JenV", date(2023, 1, 1), ["Eric van der Burg"]),
    ],
)
def test_offices_on_inside_term(gaz: Gazetteer, office: str, when: date, expected) -> None:
    assert gaz.offices_on(office, when) == expected


def test_offices_on_term_boundaries(gaz: Gazetteer) -> None:
    # Grapperhaus: 2017-10-26 up to (not including) 2022-01-10.
    office = "minister van Justitie en Veiligheid"
    assert gaz.offices_on(office, date(2017, 10, 26)) == ["Ferd Grapperhaus"]
    assert gaz.offices_on(office, date(2022, 1, 9)) == ["Ferd Grapperhaus"]
    assert gaz.offices_on(office, date(2022, 1, 10)) == ["Dilan Yeşilgöz-Zegerius"]
    assert "Ferd Grapperhaus" not in gaz.offices_on(office, date(2024, 1, 1))


def test_offices_on_outside_any_term(gaz: Gazetteer) -> None:
    assert gaz.offices_on("minister van Justitie en Veiligheid", date(1950, 1, 1)) == []
    assert gaz.offices_on("minister van Toverkunst", date(2020, 1, 1)) == []


def test_offices_on_follows_renamings_only_when_dates_fit(gaz: Gazetteer) -> None:
    # The old name on a later date: the ministry was renamed, follow it.
    assert gaz.offices_on("minister van Justitie", date(2020, 1, 1)) == ["Ferd Grapperhaus"]
    assert gaz.offices_on("minister van Veiligheid en Justitie", date(2019, 1, 1)) == [
        "Ferd Grapperhaus"
    ]
    # The new name on an earlier date: the name then in use.
    assert gaz.offices_on("minister van Justitie en Veiligheid", date(2016, 1, 1)) == [
        "Ard van der Steur"
    ]
    # The old name on its own date: no mapping needed, and none to the new name.
    assert gaz.offices_on("minister van Justitie", date(2005, 1, 1)) == ["Piet Hein Donner"]


def test_office_key_normalises() -> None:
    assert office_key("Minister van Justitie en Veiligheid") == office_key(
        "minister justitie en veiligheid"
    )
    assert office_key("staatssecretaris voor Defensie")[0] == "staatssecretaris"
    assert office_key("Nationaal Coördinator Terrorismebestrijding en Veiligheid")[0] == ""


def test_offices_of_person(gaz: Gazetteer) -> None:
    terms = gaz.offices_of("Wopke Hoekstra")
    assert [t.office for t in terms] == [
        "minister van Financiën",
        "minister van Buitenlandse Zaken",
    ]
    assert [t.office for t in gaz.offices_of("Hoekstra", date(2022, 6, 1))] == []
    now = gaz.offices_of("Wopke Hoekstra", date(2022, 6, 1))
    assert [t.office for t in now] == ["minister van Buitenlandse Zaken"]


# ----------------------------------------------------------------------------- people


@pytest.mark.parametrize(
    ("surname", "expected"),
    [
        ("Van der Staaij", ["Kees van der Staaij"]),
        ("van der staaij", ["Kees van der Staaij"]),
        ("Van Helvert", ["Martijn van Helvert"]),
        ("Michon-Derkzen", ["Ingrid Michon"]),
        ("Michon", ["Ingrid Michon"]),
        ("Bruins Slot", ["Hanke Bruins Slot"]),
        ("Hennis-Plasschaert", ["Jeanine Hennis-Plasschaert"]),
        ("Yesilgoz", ["Dilan Yeşilgöz-Zegerius"]),
        ("Schultz van Haegen", ["Melanie Schultz van Haegen"]),
        ("Xi", ["Xi Jinping"]),
        ("Sneller", ["Joost Sneller"]),
    ],
)
def test_person_by_surname(gaz: Gazetteer, surname: str, expected: list[str]) -> None:
    assert [e.name for e in gaz.person_by_surname(surname)] == expected


def test_person_by_surname_ambiguous_and_unknown(gaz: Gazetteer) -> None:
    van_dijk = [e.name for e in gaz.person_by_surname("Van Dijk")]
    assert len(van_dijk) >= 3 and van_dijk == sorted(van_dijk)
    assert all(e.type == "Person" for e in gaz.person_by_surname("Van Dijk"))
    assert gaz.person_by_surname("Staaij") == []
    assert gaz.person_by_surname("Onbekendnaam") == []


def test_party_of(gaz: Gazetteer) -> None:
    assert gaz.party_of("Joost Sneller") == "D66"
    assert gaz.party_of("Ferdinand Grapperhaus") == "CDA"
    assert gaz.party_of("Van der Staaij") == "SGP"  # unique surname
    assert gaz.party_of("Don Ceder") == "ChristenUnie"
    assert gaz.party_of("Pieter Omtzigt") == "Nieuw Sociaal Contract"
    assert gaz.party_of("Van Dijk") is None  # ambiguous surname
    assert gaz.party_of("Dick Schoof") is None  # no party
    assert gaz.party_of("Onbekend Persoon") is None


# ----------------------------------------------------------------------------- patterns


def test_patterns_shape(gaz: Gazetteer) -> None:
    patterns = gaz.patterns()
    assert len(patterns) > len(gaz.entries)
    names = {e.name: e for e in gaz.entries}
    for pattern in patterns:
        assert set(pattern) == {"label", "pattern", "id"}
        assert pattern["label"] in ACTOR_TYPES
        assert pattern["id"] in names
        assert pattern["label"] == names[pattern["id"]].type
        for token in pattern["pattern"]:
            assert set(token) <= {"LOWER", "ORTH", "IS_SPACE", "OP"}
    assert gaz.patterns() == patterns  # cached and stable


def test_patterns_follow_dutch_tokenizer_and_case(gaz: Gazetteer) -> None:
    by_id: dict[str, list[list[dict]]] = {}
    for pattern in gaz.patterns():
        by_id.setdefault(pattern["id"], []).append(pattern["pattern"])
    words = [[t for t in p if "IS_SPACE" not in t] for p in by_id["Tweede Kamer"]]
    assert [{"ORTH": "Tweede"}, {"ORTH": "Kamer"}] in words
    assert [{"LOWER": "uw"}, {"ORTH": "Kamer"}] in words
    assert [{"LOWER": "het"}, {"LOWER": "kabinet"}] in [
        [t for t in p if "IS_SPACE" not in t] for p in by_id["kabinet"]
    ]
    assert [{"ORTH": "DENK"}] in by_id["DENK"]
    # A shared name yields one pattern only, for the entry lookup() gives.
    dji = [p["id"] for p in gaz.patterns() if p["pattern"] == [{"ORTH": "DJI"}]]
    assert dji == ["DJI"]


def test_patterns_use_the_dutch_tokenizer(gaz: Gazetteer) -> None:
    spacy = pytest.importorskip("spacy")
    nlp = spacy.blank("nl")
    name = "Algemene Inlichtingen- en Veiligheidsdienst"
    expected = [t.text for t in nlp(name)]
    texts = [
        [t.get("ORTH") or t.get("LOWER") for t in p["pattern"] if "IS_SPACE" not in t]
        for p in gaz.patterns(nlp)
        if p["id"] == "AIVD"
    ]
    assert [w.lower() for w in expected] in [[w.lower() for w in t] for t in texts]
    gaps = [p for p in gaz.patterns() if len(p["pattern"]) > 1]
    assert all(p["pattern"][1] == {"IS_SPACE": True, "OP": "*"} for p in gaps)


def test_patterns_match_with_entity_ruler(gaz: Gazetteer) -> None:
    spacy = pytest.importorskip("spacy")
    nlp = spacy.blank("nl")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns(gaz.patterns(nlp))
    doc = nlp(
        "Het kabinet deelt met de Tweede Kamer dat hackers van APT 31 in opdracht van het "
        "Chinese ministerie\nvan Staatsveiligheid werkten. Ik denk dat DENK en Nieuw "
        "Sociaal Contract vragen stellen over Da Jiang Innovations en de Volksrepubliek China."
    )
    found = {(e.ent_id_, e.label_) for e in doc.ents}
    assert ("kabinet", "GovernmentBody") in found
    assert ("Tweede Kamer", "GovernmentBody") in found
    assert ("APT31", "ThreatActor") in found
    assert ("Ministry of State Security", "GovernmentBody") in found
    assert ("Nieuw Sociaal Contract", "PoliticalParty") in found
    assert ("DJI", "Company") in found
    assert ("China", "Country") in found
    denk = [e for e in doc.ents if e.ent_id_ == "DENK"]
    assert [e.text for e in denk] == ["DENK"]  # not the verb "denk"


# ----------------------------------------------------------------------------- extra lists


def test_extra_directory_adds_entries(tmp_path: Path) -> None:
    _write(
        tmp_path,
        "extra.csv",
        "name,type,aliases,country\nGroep Zeemeeuw,ThreatActor,Seagull Team|Zeemeeuw,China\n",
    )
    gaz = load_gazetteer([tmp_path])
    entry = gaz.lookup("seagull team")
    assert entry is not None and entry.name == "Groep Zeemeeuw"
    assert entry.extra["country"] == "China"
    assert entry.source == "extra.csv:2"
    assert gaz.lookup("China").name == "China"  # shipped lists still there


def test_semicolon_csv_with_bom_and_type_list(tmp_path: Path) -> None:
    text = "\ufeffname;type;aliases\nStichting Digitaal Wachten;Organisation|Company;SDW\n"
    (tmp_path / "excel.csv").write_bytes(text.encode("utf-8"))
    entry = load_gazetteer([tmp_path]).lookup("SDW")
    assert entry.types == ("Organisation", "Company") and entry.type == "Organisation"


def test_extra_offices_file(tmp_path: Path) -> None:
    _write(
        tmp_path,
        "offices_extra.csv",
        "person,office,party,from,to\n"
        "Joost Sneller,minister van Digitale Zaken,D66,2030-01-01,2031-01-01\n",
    )
    gaz = load_gazetteer([tmp_path])
    assert gaz.offices_on("Minister van digitale zaken", date(2030, 6, 1)) == ["Joost Sneller"]
    assert gaz.offices_on("Minister van digitale zaken", date(2031, 6, 1)) == []


def _error(tmp_path: Path, name: str, text: str) -> InputError:
    _write(tmp_path, name, text)
    with pytest.raises(InputError) as info:
        load_gazetteer([tmp_path])
    return info.value


def test_wrong_column_count_names_file_and_line(tmp_path: Path) -> None:
    err = _error(
        tmp_path,
        "bad.csv",
        "name,type,aliases\nGoede Rij,Organisation,\nKapotte Rij,Organisation,a,b\n",
    )
    assert err.code == "E111"
    assert "bad.csv" in str(err) and "line 3" in str(err)


def test_unknown_type_is_e113(tmp_path: Path) -> None:
    err = _error(tmp_path, "bad.csv", "name,type,aliases\nIets,Vereniging,\n")
    assert err.code == "E113" and "line 2" in str(err) and "Vereniging" in str(err)


def test_empty_name_is_e112(tmp_path: Path) -> None:
    err = _error(tmp_path, "bad.csv", "name,type,aliases\n,Company,Naamloos\n")
    assert err.code == "E112" and "line 2" in str(err)


def test_bad_date_is_e114(tmp_path: Path) -> None:
    err = _error(
        tmp_path,
        "offices_bad.csv",
        "person,office,party,from,to\nJoost Sneller,minister van Iets,D66,12-01-2030,\n",
    )
    assert err.code == "E114" and "line 2" in str(err)


def test_unknown_header_is_e110(tmp_path: Path) -> None:
    err = _error(tmp_path, "bad.csv", "naam,soort\nIets,Company\n")
    assert err.code == "E110" and "bad.csv" in str(err)


def test_missing_folder_is_e110(tmp_path: Path) -> None:
    with pytest.raises(InputError) as info:
        load_gazetteer([tmp_path / "bestaat-niet"])
    assert info.value.code == "E110"


def test_unknown_office_person_is_e117(tmp_path: Path) -> None:
    err = _error(
        tmp_path,
        "offices_bad.csv",
        "person,office,party,from,to\nNiemand Bekend,minister van Iets,,2030-01-01,\n",
    )
    assert err.code == "E117" and "Niemand Bekend" in str(err)


def test_alias_shared_by_two_types_is_reported(tmp_path: Path) -> None:
    err = _error(
        tmp_path,
        "clash.csv",
        "name,type,aliases\nVeiligheidsbedrijf Noord,Company,VBN\n"
        "Veiligheidsbureau Nederland,GovernmentBody,VBN\n",
    )
    assert err.code == "E115"
    text = str(err)
    assert "'vbn'" in text and "clash.csv:2" in text and "clash.csv:3" in text


def test_alias_clash_with_shipped_name_is_reported(tmp_path: Path) -> None:
    err = _error(tmp_path, "clash.csv", "name,type,aliases\nKPN Beveiliging,Company,AIVD\n")
    assert err.code == "E115" and "AIVD" in str(err)


def test_declared_shared_alias_loads_and_resolves_by_priority(tmp_path: Path) -> None:
    _write(
        tmp_path,
        "shared.csv",
        "name,type,aliases,shared\nVeiligheidsbedrijf Noord,Company,VBN,VBN\n"
        "Veiligheidsbureau Nederland,GovernmentBody,VBN,\n",
    )
    gaz = load_gazetteer([tmp_path])
    # Neither has VBN as canonical name: the type order decides.
    assert gaz.lookup("VBN").name == "Veiligheidsbureau Nederland"
    assert gaz.lookup("VBN", types=["Company"]).name == "Veiligheidsbedrijf Noord"


def test_explicit_alias_beats_derived_form(tmp_path: Path) -> None:
    _write(
        tmp_path,
        "derived.csv",
        "name,type,aliases\nBureau Noord,Organisation,Noord Bureau\n"
        "Dienst Noord,GovernmentBody,Noord-Bureau\n",
    )
    gaz = load_gazetteer([tmp_path])
    # "noord bureau" is explicit for the first row, derived (hyphen as space) for the second.
    assert gaz.lookup("Noord Bureau").name == "Bureau Noord"
    assert gaz.lookup("Noord-Bureau").name == "Dienst Noord"


def test_shipped_csv_rows_are_well_formed() -> None:
    # Independent of the loader: every row has the header's column count.
    folder = resources.files("kamerkg.seeds") / "actors"
    for item in folder.iterdir():
        if not item.name.endswith(".csv"):
            continue
        rows = list(csv.reader(item.read_text(encoding="utf-8").splitlines()))
        assert rows and all(len(r) == len(rows[0]) for r in rows), item.name
