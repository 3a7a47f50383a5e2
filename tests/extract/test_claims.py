"""Relations from trigger patterns: every trigger family, lists, anaphors, types, dedupe."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from support import document_with_names

from kamerkg.extract.claims import extract_claims
from kamerkg.extract.model import Part, Span

# Invented actors: the rules must not depend on the sample documents' names.
ACTORS = {
    "Bolt Systems": "Company",
    "Kraanvogel Tech": "Company",
    "Pelikaan Data": "Company",
    "DroneWerk": "Company",
    "APT77": "ThreatActor",
    "Zandstorm": "ThreatActor",
    "China": "Country",
    "Rusland": "Country",
    "Iran": "Country",
    "Nederland": "Country",
    "Verenigde Staten": "Country",
    "Russische inlichtingendienst": "GovernmentBody",
    "ministerie van Defensie": "GovernmentBody",
    "douane": "GovernmentBody",
    "Rijksinspectie": "GovernmentBody",
    "politie van Kanton": "GovernmentBody",
    "Communistische Partij": "PoliticalParty",
    "Volksleger": "GovernmentBody",
    "Stichting Vrije Pers": "Organisation",
    "Anna de Vries": "Person",
    "Bert Jansen": "Person",
    "Carla Smit": "Person",
    "Dirk Bakker": "Person",
    "Li Wei": "Person",
}


def make(text: str, parts: list[Part] | None = None, extra: dict[str, str] | None = None):
    """A document with mentions of every known name found in ``text``."""
    return document_with_names(text, {**ACTORS, **(extra or {})}, parts)


def triples(text: str, **kw) -> set[tuple[str, str, str, str]]:
    document, actors, mentions = make(text, **kw)
    return {
        (c.subject, c.relation, c.object, c.stance)
        for c in extract_claims(document, actors, mentions, [])
    }


def rel(text: str, **kw) -> set[tuple[str, str, str]]:
    return {t[:3] for t in triples(text, **kw)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "De groep Zandstorm wordt aangestuurd door de Russische inlichtingendienst.",
            ("zandstorm", "attributedTo", "russische-inlichtingendienst"),
        ),
        (
            "Volgens het rapport handelde APT77 in opdracht van Iran.",
            ("apt77", "attributedTo", "iran"),
        ),
        ("De aanval van APT77 is toegeschreven aan China.", ("apt77", "attributedTo", "china")),
        (
            "Analisten zeggen dat APT77 gelieerd is aan Rusland.",
            ("apt77", "attributedTo", "rusland"),
        ),
        (
            "De hackers van Zandstorm werken voor de Russische inlichtingendienst.",
            ("zandstorm", "attributedTo", "russische-inlichtingendienst"),
        ),
    ],
)
def test_attribution_triggers(text, expected):
    assert expected in rel(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Het bedrijf Pelikaan Data is gelieerd aan de Communistische Partij.",
            ("pelikaan-data", "affiliatedWith", "communistische-partij"),
        ),
        (
            "Bolt Systems heeft nauwe banden met het Volksleger.",
            ("bolt-systems", "affiliatedWith", "volksleger"),
        ),
        (
            "Kraanvogel Tech is volledig in handen van Bolt Systems.",
            ("kraanvogel-tech", "affiliatedWith", "bolt-systems"),
        ),
        (
            "Ook Kraanvogel Tech is gelinkt aan Bolt Systems.",
            ("kraanvogel-tech", "affiliatedWith", "bolt-systems"),
        ),
        (
            "Carla Smit is werkzaam bij Bolt Systems.",
            ("carla-smit", "affiliatedWith", "bolt-systems"),
        ),
    ],
)
def test_affiliation_triggers(text, expected):
    assert expected in rel(text)


def test_client_of_points_from_supplier_to_clients():
    found = rel(
        "Naar verluidt zijn het Volksleger en de Communistische Partij klant van Pelikaan Data."
    )
    assert ("pelikaan-data", "affiliatedWith", "volksleger") in found
    assert ("pelikaan-data", "affiliatedWith", "communistische-partij") in found


def test_verb_last_clients_clause():
    found = rel("Men schrijft dat Pelikaan Data het Volksleger als belangrijkste klant heeft.")
    assert found == {("pelikaan-data", "affiliatedWith", "volksleger")}


def test_roles_before_and_after_the_name():
    found = rel(
        "De oud-directeur van Bolt Systems Dirk Bakker en Li Wei, bestuurslid van "
        "Kraanvogel Tech, spraken."
    )
    assert ("dirk-bakker", "affiliatedWith", "bolt-systems") in found
    assert ("li-wei", "affiliatedWith", "kraanvogel-tech") in found


def test_nationality_adjective_before_company_and_after_threat_actor():
    found = rel(
        "Het Chinese techbedrijf Bolt Systems levert camera's. Men noemt APT77, een "
        "Iraanse hackgroep, vaak."
    )
    assert ("bolt-systems", "affiliatedWith", "china") in found
    assert ("apt77", "attributedTo", "iran") in found


def test_adjective_claim_in_question_stays_asserted():
    text = "Vraag 1\nKlopt het dat de douane drones van het Chinese bedrijf DroneWerk gebruikt?\n"
    parts = [Part("question", Span(0, len(text)), number=1)]
    found = triples(text, parts=parts)
    assert ("dronewerk", "affiliatedWith", "china", "asserted") in found
    assert ("douane", "uses", "dronewerk", "unconfirmed") in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Sinds maart richtte APT77 zich op Stichting Vrije Pers.",
            ("apt77", "targeted", "stichting-vrije-pers"),
        ),
        (
            "Zandstorm voerde aanvallen uit op het ministerie van Defensie.",
            ("zandstorm", "targeted", "ministerie-van-defensie"),
        ),
        (
            "Anna de Vries werd vorige week gearresteerd door de politie van Kanton.",
            ("politie-van-kanton", "targeted", "anna-de-vries"),
        ),
        (
            "Ook Stichting Vrije Pers was een doelwit van APT77.",
            ("apt77", "targeted", "stichting-vrije-pers"),
        ),
        (
            "Het gaat om de arrestatie van Bert Jansen door de politie van Kanton.",
            ("politie-van-kanton", "targeted", "bert-jansen"),
        ),
    ],
)
def test_targeting_triggers(text, expected):
    assert expected in rel(text)


def test_adjective_fills_empty_ends_of_targeting():
    found = rel("Er was een Russische cyberaanval op het ministerie van Defensie.")
    assert ("rusland", "targeted", "ministerie-van-defensie") in found
    found = rel("Iran heeft een programma dat gericht is tegen Nederlandse belangen.")
    assert ("iran", "targeted", "nederland") in found


def test_people_in_a_list_take_the_document_s_main_company_as_subject():
    text = (
        "Pelikaan Data legde een database aan. Pelikaan Data verkocht die. "
        "Politici als Anna de Vries, Bert Jansen en fractievoorzitter Carla Smit staan op "
        "de lijst. "
        "Ook Dirk Bakker staat in de database."
    )
    found = rel(text)
    for person in ("anna-de-vries", "bert-jansen", "carla-smit", "dirk-bakker"):
        assert ("pelikaan-data", "targeted", person) in found


def test_presence_needs_a_database_in_context():
    assert rel("Anna de Vries was aanwezig bij de zitting van Bolt Systems.") == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("De douane gebruikt camera's van DroneWerk.", ("douane", "uses", "dronewerk")),
        (
            "De DroneWerk-drones die de Rijksinspectie nu gebruikt zijn oud.",
            ("rijksinspectie", "uses", "dronewerk"),
        ),
        (
            "Het gebruik van DroneWerk-producten door de douane neemt toe.",
            ("douane", "uses", "dronewerk"),
        ),
        (
            "De douane maakt gebruik van software van Bolt Systems.",
            ("douane", "uses", "bolt-systems"),
        ),
        (
            "In 2019 heeft de Rijksinspectie drones van DroneWerk aangeschaft.",
            ("rijksinspectie", "uses", "dronewerk"),
        ),
    ],
)
def test_uses_triggers(text, expected):
    assert expected in rel(text)


def test_type_constraints_keep_countries_from_using_products():
    assert rel("Rusland gebruikt drones van DroneWerk.") == set()


def test_compound_modifier_is_no_subject():
    found = rel(
        "Is er een Verenigde Staten-bedrijf dat drones inzet zoals de douane "
        "DroneWerk-drones inzet?"
    )
    assert found == {("douane", "uses", "dronewerk")}


def test_examples_after_zoals_become_subjects():
    found = triples(
        "Ook bedrijven die vermeende belangen hebben in Bolt Systems, zoals Kraanvogel "
        "Tech, vallen op."
    )
    assert ("kraanvogel-tech", "affiliatedWith", "bolt-systems", "reported") in found


def test_anaphors_stand_for_the_most_named_actor_of_their_type():
    text = (
        "De hackgroep APT77 is actief. APT77 valt overheden aan. "
        "Kunt u bevestigen dat deze groep wordt aangestuurd door de Russische inlichtingendienst?"
    )
    assert ("apt77", "attributedTo", "russische-inlichtingendienst") in rel(text)
    # An apposition is no anaphor: "het bedrijf Bolt Systems".
    assert rel("Het bedrijf Bolt Systems is gelieerd aan Rusland.") == {
        ("bolt-systems", "affiliatedWith", "rusland")
    }


def test_threat_actor_part_of_a_service_is_attributed():
    assert ("zandstorm", "attributedTo", "russische-inlichtingendienst") in rel(
        "Zandstorm is onderdeel van de Russische inlichtingendienst."
    )


def test_implied_countries_give_adjective_claims_an_object():
    from kamerkg.extract.claims import implied_countries

    text = (
        "De Noord-Koreaanse hackgroep Zandstorm en het Iraanse bedrijf Bolt Systems werken samen."
    )
    document, actors, mentions = make(text)
    extra = implied_countries(document, actors, mentions)
    # Iran is already an actor; only Noord-Korea is new.
    assert [(a.id, a.type) for a in extra] == [("noord-korea", "Country")]
    assert text[extra[0].mentions[0].start : extra[0].mentions[0].end] == "Noord-Koreaanse"
    found = {
        (c.subject, c.relation, c.object)
        for c in extract_claims(document, actors + extra, mentions, [])
    }
    assert ("zandstorm", "attributedTo", "noord-korea") in found
    assert ("bolt-systems", "affiliatedWith", "iran") in found


def test_one_claim_per_pair_keeping_the_strongest_evidence():
    text = (
        "Vraag 1\nKlopt het dat Bolt Systems gelieerd is aan het Volksleger?\n"
        "Antwoord 1\nJa. Bolt Systems is gelieerd aan het Volksleger.\n"
    )
    q_end = text.index("Antwoord")
    parts = [
        Part("question", Span(0, q_end), number=1),
        Part("answer", Span(q_end, len(text)), covers=(1,)),
    ]
    document, actors, mentions = make(text, parts=parts)
    claims = extract_claims(document, actors, mentions, [])
    assert len(claims) == 1
    claim = claims[0]
    assert (claim.stance, claim.part) == ("asserted", 1)
    assert document.slice(claim.evidence) == "Bolt Systems is gelieerd aan het Volksleger."


def test_affiliation_is_deduplicated_in_both_directions():
    found = rel(
        "Bolt Systems is gelieerd aan Kraanvogel Tech. Kraanvogel Tech is verbonden met "
        "Bolt Systems."
    )
    assert len(found) == 1


def test_reported_by_resolves_to_the_actor_named():
    document, actors, mentions = make("Volgens de Verenigde Staten is APT77 gelieerd aan Iran.")
    claim = extract_claims(document, actors, mentions, [])[0]
    assert (claim.stance, claim.reported_by, claim.report_source) == (
        "reported",
        "verenigde-staten",
        None,
    )
    document, actors, mentions = make("In de media wordt gemeld dat APT77 gelieerd is aan Iran.")
    claim = extract_claims(document, actors, mentions, [])[0]
    assert (claim.stance, claim.reported_by, claim.report_source.lower()) == (
        "reported",
        None,
        "in de media",
    )


def test_output_is_sorted_and_deterministic():
    text = (
        "Zandstorm is gelieerd aan Rusland. APT77 is toegeschreven aan Iran. De douane "
        "gebruikt DroneWerk."
    )
    document, actors, mentions = make(text)
    first = extract_claims(document, actors, list(reversed(mentions)), [])
    second = extract_claims(document, list(reversed(actors)), mentions, [])
    assert first == second
    assert [c.evidence.start for c in first] == sorted(c.evidence.start for c in first)


def test_dependency_parse_adds_subject_object_matches():
    spacy = pytest.importorskip("spacy")
    from spacy.tokens import Doc

    text = "Zandstorm wil Bolt Systems bespioneren ."
    words = ["Zandstorm", "wil", "Bolt", "Systems", "bespioneren", "."]
    nlp = spacy.blank("nl")
    doc = Doc(
        nlp.vocab,
        words=words,
        spaces=[True, True, True, True, True, False],
        heads=[4, 4, 3, 4, 4, 4],
        deps=["nsubj", "aux", "compound", "obj", "ROOT", "punct"],
        lemmas=["Zandstorm", "willen", "Bolt", "Systems", "bespioneren", "."],
    )
    document, actors, mentions = make(text)
    # The rule path has no pattern for the infinitive; the parse finds it.
    assert extract_claims(document, actors, mentions, []) == []
    found = {
        (c.subject, c.relation, c.object)
        for c in extract_claims(document, actors, mentions, [], doc=doc)
    }
    assert ("zandstorm", "targeted", "bolt-systems") in found


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "a",
                " ",
                ",",
                ".",
                "?",
                ";",
                "\n",
                "-",
                "Ja",
                "APT77",
                " gelieerd aan ",
                "Iran",
                "deze groep",
            ]
        ),
        max_size=30,
    ).map("".join)
)
def test_never_raises_on_odd_text(text):
    document, actors, mentions = make(text, parts=[])
    claims = extract_claims(document, actors, mentions, [])
    assert all(0 <= c.evidence.start <= c.evidence.end <= len(text) for c in claims)


# ------------------------------------------------------------------ floor on the samples


def _sample_runs():
    """(gold, extraction) for each sample document, through the whole chain."""
    import json
    from importlib.resources import files

    pipeline = pytest.importorskip("kamerkg.extract.pipeline")
    seeds = files("kamerkg.seeds")
    extractor = pipeline.Extractor(model="blank")
    runs = []
    for gold_file in sorted(p for p in (seeds / "gold").iterdir() if p.name.endswith(".json")):
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        text = (seeds / "documents" / gold["document"]).read_text(encoding="utf-8")
        runs.append((gold, extractor.extract_text(text, gold["document"])))
    return runs


def test_relation_floor_on_the_samples():
    from kamerkg.extract.ids import fold

    tp = fp = fn = stance_ok = 0
    for gold, result in _sample_runs():
        names = {
            fold(n): e["name"] for e in gold["entities"] for n in [e["name"], *e.get("aliases", [])]
        }

        def canon(actor_id, result=result, names=names):
            actor = result.actor(actor_id)
            hits = [names[fold(n)] for n in (actor.names() if actor else []) if fold(n) in names]
            return hits[0] if hits else "~" + actor_id

        predicted = {}
        for c in result.claims:
            if c.relation != "memberOf":
                predicted.setdefault((canon(c.subject), c.relation, canon(c.object)), c)
        relations = [r for r in gold["relations"] if r["p"] != "memberOf"]
        optional = {
            (names[fold(r["s"])], r["p"], names[fold(r["o"])])
            for r in relations
            if r.get("optional")
        }
        matched = set()
        for r in relations:
            key = (names[fold(r["s"])], r["p"], names[fold(r["o"])])
            if key in predicted:
                matched.add(key)
                tp += 1
                stance_ok += predicted[key].stance == r["stance"]
            elif not r.get("optional"):
                fn += 1
        fp += sum(1 for k in predicted if k not in matched and k not in optional)
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    f1 = 2 * precision * recall / (precision + recall)
    assert f1 >= 0.85, (precision, recall)
    assert stance_ok / tp >= 0.85


# --- generalisation rules (access, data theft, eavesdropping, violence, lists) ---


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Zandstorm heeft vorig jaar toegang verkregen tot systemen van de douane.",
            ("zandstorm", "targeted", "douane"),
        ),
        (
            "Bolt Systems had onbeperkt toegang tot het netwerk van Kraanvogel Tech.",
            ("bolt-systems", "targeted", "kraanvogel-tech"),
        ),
        (
            "Russische hackers drongen het netwerk van de Rijksinspectie binnen.",
            ("rusland", "targeted", "rijksinspectie"),
        ),
        (
            "APT77 kon meeluisteren met gesprekken van de douane.",
            ("apt77", "targeted", "douane"),
        ),
        (
            "Medewerkers van Bolt Systems hebben gegevens van Stichting Vrije Pers ingezien.",
            ("bolt-systems", "targeted", "stichting-vrije-pers"),
        ),
        (
            "De rechter stelde vast dat Iran betrokken was bij de moord op Li Wei.",
            ("iran", "targeted", "li-wei"),
        ),
        (
            "Carla Smit werd in Lissabon benaderd door agenten van de politie van Kanton.",
            ("politie-van-kanton", "targeted", "carla-smit"),
        ),
    ],
)
def test_access_theft_and_violence_triggers(text, expected):
    assert expected in rel(text)


def test_instrument_after_via_is_no_subject():
    found = rel("Rusland heeft via DroneWerk gegevens van de douane verzameld.")
    assert ("rusland", "targeted", "douane") in found
    assert ("dronewerk", "targeted", "douane") not in found


def test_a_subject_list_carries_over_but_not_across_a_verb():
    found = rel(
        "De dienst stelt dat Rusland, Iran en China cyberprogramma's voeren tegen Nederland."
    )
    assert {(c, "targeted", "nederland") for c in ("rusland", "iran", "china")} <= found
    found = rel(
        "Kinderen van Anna de Vries zijn in het vizier van Pelikaan Data, dat banden "
        "heeft met het Volksleger."
    )
    assert ("anna-de-vries", "affiliatedWith", "volksleger") not in found


def test_a_relative_clause_inside_an_object_list_is_skipped():
    found = rel(
        "Iran was betrokken bij de moord op twee dissidenten: Li Wei, die in 2019 werd "
        "doodgeschoten, en Bert Jansen."
    )
    assert {("iran", "targeted", "li-wei"), ("iran", "targeted", "bert-jansen")} <= found


def test_an_infinitive_clause_cuts_off_a_far_subject():
    found = rel(
        "De douane adviseert om geen apps te gebruiken uit landen met "
        "cyberprogramma's tegen Nederland."
    )
    assert ("douane", "targeted", "nederland") not in found


def test_passive_use_takes_no_left_subject():
    assert ("douane", "uses", "dronewerk") not in rel(
        "De douane heeft besloten dat DroneWerk niet langer mag worden gebruikt."
    )
    assert ("douane", "uses", "dronewerk") in rel(
        "Drones van DroneWerk worden gebruikt door de douane."
    )


def test_nominal_use_needs_its_object_after_van():
    found = rel("De douane sprak met Bolt Systems over het gebruik van buitenlandse apparatuur.")
    assert ("douane", "uses", "bolt-systems") not in found


def test_company_chooses_a_supplier_and_states_use_proxies():
    assert ("kraanvogel-tech", "uses", "bolt-systems") in rel(
        "Kraanvogel Tech heeft gekozen voor Bolt Systems als leverancier van zijn netwerk."
    )
    assert ("iran", "uses", "zandstorm") in rel("Iran zet de groep Zandstorm in voor aanslagen.")


def test_clients_of_needs_a_clause_of_their_own():
    assert rel("Het bericht dat APT77 klanten van Bolt Systems kon volgen.") == set()


# --- Round 2: constructions seen on unseen documents (own sentences) -------------


def test_separable_attribution_verb_with_list_after_colon_is_reported():
    text = (
        "De groep Zandstorm viel op in 2023. Kraanvogel Tech, een Brits techbedrijf, "
        "schreef deze groep vorig jaar toe aan twee Iraanse bedrijven: Bolt Systems en "
        "de Pelikaan Data."
    )
    found = triples(text)
    assert ("zandstorm", "attributedTo", "bolt-systems", "reported") in found
    assert ("zandstorm", "attributedTo", "pelikaan-data", "reported") in found
    # The companies an attribution names are attributed to their country in turn.
    assert ("pelikaan-data", "attributedTo", "iran", "reported") in found


def test_own_attribution_stays_asserted():
    found = triples("Nederland heeft APT77 in 2022 toegeschreven aan China.")
    assert ("apt77", "attributedTo", "china", "asserted") in found


def test_third_party_attribution_is_reported():
    found = triples("De Verenigde Staten hebben APT77 in 2022 toegeschreven aan China.")
    assert ("apt77", "attributedTo", "china", "reported") in found


def test_legde_bij_attribution_carries_list():
    found = rel("Kraanvogel Tech legde Zandstorm in maart bij Iran, in het bijzonder bij APT77.")
    assert {("zandstorm", "attributedTo", "iran"), ("zandstorm", "attributedTo", "apt77")} <= found


def test_second_door_agent_and_person_object():
    found = rel("Zandstorm werd aangestuurd door het Volksleger en in het bijzonder door Li Wei.")
    assert ("zandstorm", "attributedTo", "volksleger") in found
    assert ("zandstorm", "attributedTo", "li-wei") in found


def test_relative_clause_support_is_affiliation():
    found = rel("Het gaat om Bolt Systems, een bedrijf dat volgens de VN APT77 heeft ondersteund.")
    assert ("bolt-systems", "affiliatedWith", "apt77") in found


def test_main_clause_support_is_affiliation():
    assert ("pelikaan-data", "affiliatedWith", "zandstorm") in rel(
        "Pelikaan Data ondersteunde Zandstorm met servers."
    )


def test_relative_clause_objects_end_at_its_comma():
    found = rel(
        "Gesanctioneerd zijn DroneWerk, dat in verband wordt gebracht met Zandstorm, "
        "en APT77 van het Volksleger."
    )
    assert ("dronewerk", "affiliatedWith", "zandstorm") in found
    assert ("dronewerk", "affiliatedWith", "apt77") not in found


def test_compound_agent_of_an_operation():
    found = rel("De APT77-operatie tegen het ministerie van Defensie duurde maanden.")
    assert ("apt77", "targeted", "ministerie-van-defensie") in found


def test_in_kaart_brengen_with_adjectives_verb_last():
    found = rel("Hebben Russische hackers de Nederlandse infrastructuur in kaart gebracht?")
    assert ("rusland", "targeted", "nederland") in found


def test_in_kaart_brengen_main_clause():
    assert ("china", "targeted", "nederland") in rel(
        "China brengt de Nederlandse netwerken op zee in kaart."
    )


def test_threat_for_a_country_is_targeting():
    assert ("iran", "targeted", "nederland") in rel(
        "De dienst stelt dat Iran een dreiging vormt voor de Nederlandse veiligheid."
    )
    assert ("china", "targeted", "nederland") in rel(
        "China vormt de grootste dreiging voor Nederland."
    )


def test_sabotage_under_negation_is_denied():
    found = triples(
        "Er zijn geen aanwijzingen dat Rusland de kabels van DroneWerk heeft gesaboteerd."
    )
    assert ("rusland", "targeted", "dronewerk", "denied") in found


def test_plural_nationality_head_covers_the_list():
    found = rel("Gemeenten kochten camera's van de Chinese fabrikanten Bolt Systems en DroneWerk.")
    assert ("bolt-systems", "affiliatedWith", "china") in found
    assert ("dronewerk", "affiliatedWith", "china") in found


def test_campaign_anaphor_resolves_to_operation():
    found = rel(
        "De campagne Zandstorm verspreidde nepnieuws. Onderzoekers schreven de campagne "
        "toe aan de Russische inlichtingendienst."
    )
    assert ("zandstorm", "attributedTo", "russische-inlichtingendienst") in found


# --- Guarded co-occurrence fallback (round 3) -----------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Attribution signal without a trigger phrase: "statelijke actor ... uit".
        (
            "Volgens het rapport is Zandstorm een statelijke actor die vanuit Iran opereert.",
            ("zandstorm", "attributedTo", "iran"),
        ),
        # Targeted: attack signal, hostile actor left, Dutch body after "bij".
        (
            "Zandstorm pleegde vorig jaar sabotage bij het ministerie van Defensie.",
            ("zandstorm", "targeted", "ministerie-van-defensie"),
        ),
        # Targeted: victim left of a passive signal, attacker after "door".
        (
            "De Rijksinspectie werd in maart heimelijk gehackt, vermoedelijk door APT77.",
            ("apt77", "targeted", "rijksinspectie"),
        ),
        # Uses: "camera's van X" with the user as subject of the clause.
        (
            "De douane liet vorig jaar honderd camera's van DroneWerk ophangen.",
            ("douane", "uses", "dronewerk"),
        ),
        # Affiliation: origin construction.
        (
            "Bij de aanbesteding won Pelikaan Data uit China de opdracht.",
            ("pelikaan-data", "affiliatedWith", "china"),
        ),
        # Affiliation: person in a role at a government body.
        (
            "Li Wei, woordvoerder van de politie van Kanton, ontkende alles.",
            ("li-wei", "affiliatedWith", "politie-van-kanton"),
        ),
    ],
)
def test_fallback_finds_relation(text, expected, monkeypatch):
    assert expected in rel(text)
    # The fallback, not a trigger rule, found it: off means gone.
    monkeypatch.setattr("kamerkg.extract.claims.FALLBACKS", frozenset())
    assert expected not in rel(text)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # The one who warns is no victim.
        (
            "De Rijksinspectie waarschuwt voor spionage door APT77.",
            ("apt77", "targeted", "rijksinspectie"),
        ),
        # A reporter in another clause is no victim.
        (
            "Anna de Vries stelt dat China achter de aanval zit.",
            ("china", "targeted", "anna-de-vries"),
        ),
        # Sanctions "gericht tegen" are no attack.
        (
            "De sancties zijn gericht tegen Li Wei en de Russische inlichtingendienst.",
            ("russische-inlichtingendienst", "targeted", "li-wei"),
        ),
        # Nederland is never where a threat actor is attributed to by co-occurrence.
        (
            "De groep APT77 is actief in Nederland.",
            ("apt77", "attributedTo", "nederland"),
        ),
        # A decision about use by someone else is no use.
        (
            "Het besluit van de douane om het gebruik van DroneWerk te verbieden.",
            ("douane", "uses", "dronewerk"),
        ),
    ],
)
def test_fallback_guards(text, absent):
    assert absent not in rel(text)


def test_fallback_leaves_rule_pairs_alone():
    text = "APT77 wordt aangestuurd door de Russische inlichtingendienst, een statelijke groep."
    found = triples(text)
    pairs = [t for t in found if t[0] == "apt77"]
    assert [t[:3] for t in pairs] == [("apt77", "attributedTo", "russische-inlichtingendienst")]


def test_fallback_question_claim_is_unconfirmed():
    text = "Vraag 1 Klopt het dat Zandstorm een statelijke actor uit Iran is?"
    parts = [Part("question", Span(0, len(text)), number=1)]
    assert ("zandstorm", "attributedTo", "iran", "unconfirmed") in triples(text, parts=parts)
