"""graph/evaluate: scoring a written graph against gold files (seeds/gold/FORMAT.md).

The fixtures in ``fixtures/eval`` are a hand-written graph with chosen errors and three
gold files (``gamma.txt`` is absent from the graph on purpose). A helper turns gold
files into the graph kamerkg would write for them; that graph must score 1.0 on every
figure, which proves the scorer and the RDF shape agree.
"""

from __future__ import annotations

import json
import shutil
from datetime import date
from importlib.resources import files
from pathlib import Path, PurePath

import pytest
from rdflib import RDF, RDFS, SKOS, XSD, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV

from kamerkg.extract.errors import InputError, StoreError
from kamerkg.extract.ids import slug
from kamerkg.extract.model import (
    Actor,
    Claim,
    Document,
    Extraction,
    Incident,
    Office,
    Response,
    Span,
)
from kamerkg.graph.evaluate import (
    FIGURES,
    Accuracy,
    Score,
    evaluate,
    format_details,
    format_report,
    load_gold,
    norm,
)
from kamerkg.graph.rdf import extraction_graph
from kamerkg.ontology import ID, KKG, OA, ORG

FIXTURES = Path(__file__).parent / "fixtures" / "eval"
GOLD = FIXTURES / "gold"
GRAPH = FIXTURES / "graph.ttl"
SEED_GOLD = Path(str(files("kamerkg.seeds") / "gold"))


# --------------------------------------------------------------------------- helpers


def _entity_iri(gold: dict, ref: str) -> URIRef:
    """The actor node a gold name refers to (by name first, then by alias)."""
    for entity in gold["entities"]:
        if norm(entity["name"]) == norm(ref):
            return ID[f"actor/{slug(entity['name'])}"]
    for entity in gold["entities"]:
        if norm(ref) in {norm(a) for a in entity.get("aliases", [])}:
            return ID[f"actor/{slug(entity['name'])}"]
    return ID[f"actor/{slug(ref)}"]


def _span(graph: Graph, doc: URIRef, start: int, exact: str) -> URIRef:
    node = URIRef(f"{doc}/span/{start}-{start + len(exact)}")
    graph.add((node, RDF.type, OA.TextPositionSelector))
    graph.add((node, RDF.type, OA.TextQuoteSelector))
    graph.add((node, OA.start, Literal(start, datatype=XSD.nonNegativeInteger)))
    graph.add((node, OA.end, Literal(start + len(exact), datatype=XSD.nonNegativeInteger)))
    graph.add((node, OA.exact, Literal(exact)))
    return node


def perfect_graph(golds: list[dict]) -> Graph:
    """The graph kamerkg would write if it extracted exactly the gold (optional parts too)."""
    graph = Graph()
    for gold in golds:
        doc = ID[f"doc/{slug(PurePath(gold['document']).stem)}"]
        graph.add((doc, RDF.type, KKG.Document))
        graph.add((doc, DCTERMS.source, Literal(gold["document"])))
        if gold.get("identifier"):
            graph.add((doc, DCTERMS.identifier, Literal(gold["identifier"])))
        for key, prop in (("submitted", DCTERMS.dateSubmitted), ("answered", KKG.answeredOn)):
            if gold.get(key):
                graph.add((doc, prop, Literal(date.fromisoformat(gold[key]), datatype=XSD.date)))
        for entity in gold["entities"]:
            node = _entity_iri(gold, entity["name"])
            kind = entity["type"] if isinstance(entity["type"], str) else entity["type"][0]
            graph.add((node, RDF.type, KKG[kind]))
            graph.add((node, RDFS.label, Literal(entity["name"])))
            for alias in entity.get("aliases", []):
                graph.add((node, SKOS.altLabel, Literal(alias)))
            graph.add((doc, KKG.mentions, node))
        for key, prop in (("asked_by", KKG.askedBy), ("answered_by", KKG.answeredBy)):
            for ref in gold[key]:
                graph.add((doc, prop, _entity_iri(gold, ref)))
        for office in gold["offices"]:
            node = ID[f"office/{slug(office['office'])}"]
            graph.add((_entity_iri(gold, office["person"]), KKG.holdsOffice, node))
            graph.add((node, RDF.type, KKG.Office))
            graph.add((node, RDF.type, ORG.Post))
            graph.add((node, RDFS.label, Literal(office["office"])))
        for i, rel in enumerate(gold["relations"]):
            s, p, o = _entity_iri(gold, rel["s"]), KKG[rel["p"]], _entity_iri(gold, rel["o"])
            graph.add((s, p, o))
            claim = URIRef(f"{doc}/claim/{i}")
            graph.add((claim, RDF.type, RDF.Statement))
            graph.add((claim, RDF.type, KKG.Claim))
            graph.add((claim, RDF.subject, s))
            graph.add((claim, RDF.predicate, p))
            graph.add((claim, RDF.object, o))
            graph.add((claim, PROV.wasDerivedFrom, doc))
            if rel.get("stance"):
                graph.add((claim, KKG.stance, KKG[rel["stance"]]))
            sentence = f"{rel['s']} {rel['p']} {rel['o']}."
            graph.add((claim, KKG.textSpan, _span(graph, doc, 100 * i, sentence)))
        for i, inc in enumerate(gold["incidents"]):
            node = URIRef(f"{doc}/incident/{i}")
            graph.add((node, RDF.type, KKG.Incident))
            graph.add((node, RDFS.label, Literal(" ".join(inc.get("keywords", [])) or "voorval")))
            for ref in inc["about"]:
                graph.add((node, KKG.involves, _entity_iri(gold, ref)))
            if inc.get("date"):
                graph.add((node, DCTERMS.date, Literal(date.fromisoformat(inc["date"]))))
            graph.add((node, PROV.wasDerivedFrom, doc))
        for i, resp in enumerate(gold["responses"]):
            node = URIRef(f"{doc}/response/{i}")
            graph.add((node, RDF.type, KKG.StateResponse))
            graph.add((node, RDFS.label, Literal(resp["keywords"][0])))
            for ref in resp["by"]:
                graph.add((node, KKG.takenBy, _entity_iri(gold, ref)))
            graph.add((node, PROV.wasDerivedFrom, doc))
    return graph


def _golds(folder: Path) -> list[dict]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.json"))]


def _write_perfect(folder: Path, target: Path) -> Path:
    perfect_graph(_golds(folder)).serialize(target, format="turtle")
    return target


def _all_perfect(report) -> list[str]:
    """Every figure below 1.0, as 'document figure value' (empty when all are 1.0)."""
    bad = []
    for doc in report.documents:
        for name in FIGURES:
            fig = doc.figures[name]
            values = (fig.precision, fig.recall, fig.f1) if isinstance(fig, Score) else (fig.value,)
            if any(v != 1.0 for v in values):
                bad.append(f"{doc.document} {name} {fig}")
    return bad


@pytest.fixture(scope="module")
def report():
    return evaluate(GRAPH, GOLD)


def _doc(report, name: str):
    return next(d for d in report.documents if d.document == name)


def _counts(fig) -> tuple:
    if isinstance(fig, Score):
        return (fig.tp, fig.fp, fig.fn, fig.matched)
    return (fig.correct, fig.total)


def _edited(tmp_path: Path, old: str, new: str) -> Path:
    """A copy of the fixture graph with one piece of text replaced."""
    text = GRAPH.read_text(encoding="utf-8")
    assert old in text
    target = tmp_path / "graph.ttl"
    target.write_text(text.replace(old, new), encoding="utf-8")
    return target


def _gold_copy(tmp_path: Path, name: str, change) -> Path:
    """A copy of the fixture gold folder with one file changed by ``change(data)``."""
    folder = tmp_path / "gold"
    shutil.copytree(GOLD, folder)
    data = json.loads((folder / name).read_text(encoding="utf-8"))
    change(data)
    (folder / name).write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return folder


# --------------------------------------------------------------------------- norm


def test_norm_folds_case_diacritics_and_white_space():
    assert norm("  Mariëlle\n de   GROOT ") == "marielle de groot"
    assert norm("Indonesië") == norm("indonesie")
    assert norm("APT31") != norm("APT 31")


def test_scores_and_accuracies_add_up():
    total = Score(tp=1, fp=1, fn=0) + Score(tp=2, fp=0, fn=2, tp_pred=3)
    assert (total.tp, total.fp, total.fn, total.matched) == (3, 1, 2, 4)
    assert total.precision == pytest.approx(0.8)
    assert total.recall == pytest.approx(0.6)
    assert Score().f1 == 1.0 and Score(fn=2).f1 == 0.0 and Score(fp=1).f1 == 0.0
    assert (Accuracy(1, 2) + Accuracy(0, 0)).value == 0.5
    assert Accuracy().value == 1.0


# --------------------------------------------------------------------------- fixture figures

ALPHA = {
    "metadata": (2, 3),
    "metadata.identifier": (1, 1),
    "metadata.submitted": (0, 1),
    "metadata.answered": (1, 1),
    # Anouk through an altLabel; Kees Smit spurious; Rik Jansen missed.
    "asked_by": (1, 1, 1, 1),
    # "Marielle" without diaeresis matches "Mariëlle".
    "answered_by": (1, 0, 0, 1),
    "who_asked_whom": (2, 1, 1, 2),
    # Office node label with other case and spacing matches; the optional literal is
    # neutral; "minister van Defensie" is wrong; Kees Smit's office is not judged.
    "offices": (1, 1, 0, 1),
    # Two nodes match Anouk (10 predicted hits, 9 gold found); "het kabinet" only
    # matches an optional entity; Kees Smit and Rotterdam are spurious.
    "entities": (9, 2, 2, 10),
    "entity_types": (8, 9),
    # memberOf of Jansen is ignored (no gold party); the optional Rusland-Nederland
    # is neutral; Sandworm-Rotterdam and the unclaimed GRU-Havenbedrijf are spurious.
    "relations": (4, 2, 1, 4),
    "relations_reified": (6, 8),
    "stances": (2, 3),
    "incidents": (2, 1, 0, 2),
    "incident_dates": (0, 1),
    "responses": (2, 1, 1, 2),
    "response_by": (1, 2),
}


@pytest.mark.parametrize("name", sorted(ALPHA))
def test_alpha_figures(report, name):
    assert _counts(_doc(report, "alpha.txt").figures[name]) == ALPHA[name]


def test_entity_precision_and_recall_count_different_sides(report):
    fig = _doc(report, "alpha.txt").figures["entities"]
    assert fig.precision == pytest.approx(10 / 12)
    assert fig.recall == pytest.approx(9 / 11)


def test_beta_metadata_null_rules_and_per_document_stance(report):
    beta = _doc(report, "beta.txt")
    assert beta.found  # dcterms:source "seeds/documents/beta.txt" matches by file name
    # An identifier where gold says null is wrong; absent dates where gold says null are right.
    assert _counts(beta.figures["metadata.identifier"]) == (0, 1)
    assert _counts(beta.figures["metadata.submitted"]) == (1, 1)
    assert _counts(beta.figures["metadata.answered"]) == (1, 1)
    # The same triple is "unconfirmed" in alpha and "denied" in beta: each document's own.
    assert _counts(beta.figures["relations"]) == (1, 0, 0, 1)
    assert _counts(beta.figures["stances"]) == (1, 1)
    assert _counts(beta.figures["entities"]) == (2, 0, 1, 2)


def test_missing_document_counts_as_all_missed(report):
    assert report.missing == ["gamma.txt"]
    gamma = _doc(report, "gamma.txt")
    assert not gamma.found
    assert _counts(gamma.figures["metadata"]) == (0, 3)
    assert _counts(gamma.figures["entities"]) == (0, 0, 2, 0)  # Telegram is optional
    for name in ("asked_by", "relations", "incidents", "responses"):
        assert gamma.figures[name].recall == 0.0
    assert "missing_document" in gamma.details


def test_totals_are_micro_averages(report):
    totals = report.totals
    assert _counts(totals["entities"]) == (9 + 2 + 0, 2 + 0 + 0, 2 + 1 + 2, 10 + 2 + 0)
    assert _counts(totals["metadata"]) == (2 + 2 + 0, 9)
    assert _counts(totals["stances"]) == (3, 4)
    assert totals["relations"].recall == pytest.approx(5 / 7)


# --------------------------------------------------------------------------- single rules


def test_optional_entity_neither_gains_nor_costs(tmp_path, report):
    without = evaluate(_edited(tmp_path, "actor:kabinet, actor:rotterdam", "actor:rotterdam"), GOLD)
    assert _counts(_doc(without, "alpha.txt").figures["entities"]) == ALPHA["entities"]


def test_optional_relation_neither_gains_nor_costs(tmp_path):
    graph = _edited(tmp_path, "actor:rusland kkg:targeted actor:nederland .", "")
    result = _doc(evaluate(graph, GOLD), "alpha.txt")
    assert _counts(result.figures["relations"]) == ALPHA["relations"]
    assert _counts(result.figures["relations_reified"]) == (5, 7)


def test_optional_gold_flag_turns_a_miss_into_nothing(tmp_path):
    def change(data):
        for entity in data["entities"]:
            if entity["name"] == "Nederland":
                entity["optional"] = True

    result = _doc(evaluate(GRAPH, _gold_copy(tmp_path, "alpha.json", change)), "alpha.txt")
    assert _counts(result.figures["entities"]) == (9, 2, 1, 10)


def test_member_of_judged_only_for_persons_with_gold_party(tmp_path):
    def change(data):
        data["relations"].append({"s": "Jansen", "p": "memberOf", "o": "SP"})

    result = _doc(evaluate(GRAPH, _gold_copy(tmp_path, "alpha.json", change)), "alpha.txt")
    # Jansen now has a gold party, so the graph's "Partij voor de Dieren" counts wrong.
    assert _counts(result.figures["relations"]) == (4, 3, 2, 4)
    assert "Jansen memberOf Partij voor de Dieren" in result.details["spurious_relations"]


def test_stance_from_literal_and_from_node(tmp_path, report):
    details = _doc(report, "alpha.txt").details["wrong_stances"]
    assert details == ["Sandworm attributedTo GRU: gold asserted, graph reported"]
    graph = _edited(tmp_path, 'kkg:stance "asserted"', 'kkg:stance "denied"')
    result = _doc(evaluate(graph, GOLD), "alpha.txt")
    assert _counts(result.figures["stances"]) == (1, 3)


def test_latest_claim_of_the_document_gives_its_stance(tmp_path):
    graph = _edited(tmp_path, '"900"^^xsd:nonNegativeInteger', '"90"^^xsd:nonNegativeInteger')
    result = _doc(evaluate(graph, GOLD), "alpha.txt")
    assert _counts(result.figures["stances"]) == (1, 3)  # now "reported" (start 100) wins


def test_relation_needs_the_direct_triple(tmp_path):
    graph = _edited(tmp_path, "actor:a-van-dijk kkg:memberOf actor:volt .", "")
    result = _doc(evaluate(graph, GOLD), "alpha.txt")
    assert "Anouk van Dijk memberOf Volt" in result.details["missed_relations"]


def test_incidents_by_about_and_by_keyword_in_evidence(tmp_path, report):
    alpha = _doc(report, "alpha.txt")
    assert "missed_incidents" not in alpha.details
    # Without the phishing evidence the keyword incident is missed and the node spurious.
    graph = _edited(tmp_path, "De PHISHINGCAMPAGNE trof", "De actie trof")
    result = _doc(evaluate(graph, GOLD), "alpha.txt")
    assert _counts(result.figures["incidents"]) == (1, 2, 1, 1)
    # An incident missing one of its gold 'about' entities is not found.
    graph = _edited(
        tmp_path,
        "kkg:involves actor:sandworm, actor:havenbedrijf-rotterdam",
        "kkg:involves actor:sandworm",
    )
    result = _doc(evaluate(graph, GOLD), "alpha.txt")
    assert result.figures["incidents"].fn == 1
    assert _counts(result.figures["incident_dates"]) == (0, 0)


def test_incident_date_accuracy(tmp_path):
    graph = _edited(tmp_path, '"2023-10-31"^^xsd:date', '"2023-10-30"^^xsd:date')
    assert _counts(_doc(evaluate(graph, GOLD), "alpha.txt").figures["incident_dates"]) == (1, 1)


def test_responses_by_keyword_and_by(tmp_path, report):
    details = _doc(report, "alpha.txt").details
    assert details["missed_responses"] == ["reisadvies"]
    assert details["wrong_response_by"] == [
        "uitgezet / uitzetting by Nederland: graph takenBy Rusland"
    ]
    graph = _edited(tmp_path, "kkg:takenBy actor:rusland", "kkg:takenBy actor:nederland")
    result = _doc(evaluate(graph, GOLD), "alpha.txt")
    assert _counts(result.figures["response_by"]) == (2, 2)


def test_unreified_relations_are_listed(report):
    assert _doc(report, "alpha.txt").details["unreified_relations"] == [
        "GRU affiliatedWith Rusland",
        "GRU targeted Havenbedrijf Rotterdam",
    ]


# --------------------------------------------------------------------------- errors


@pytest.mark.parametrize(
    ("text", "cause"),
    [
        ("{not json", "not valid JSON"),
        ("[]", "one JSON object"),
        ('{"identifier": "2020Z1"}', "document must be a non-empty string"),
        ('{"document": "a.txt", "entities": [{"name": "X", "type": "Alien"}]}', "type 'Alien'"),
        ('{"document": "a.txt", "relations": [{"s": "A", "p": "likes", "o": "B"}]}', "p 'likes'"),
        (
            '{"document": "a.txt", "relations": [{"s": "A", "p": "uses", "o": "B", '
            '"stance": "maybe"}]}',
            "stance 'maybe'",
        ),
        ('{"document": "a.txt", "submitted": "28-03-2024"}', "not an ISO date"),
        ('{"document": "a.txt", "asked_by": "Sneller"}', "asked_by must be list"),
    ],
)
def test_malformed_gold_raises_e501_naming_the_file(tmp_path, text, cause):
    (tmp_path / "bad.json").write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        evaluate(GRAPH, tmp_path)
    assert caught.value.code == "E501"
    assert "bad.json" in caught.value.cause and cause in caught.value.cause


def test_two_gold_files_for_one_document_raise_e501(tmp_path):
    shutil.copy(GOLD / "beta.json", tmp_path / "beta.json")
    shutil.copy(GOLD / "beta.json", tmp_path / "zeta.json")
    with pytest.raises(InputError, match="E501"):
        evaluate(GRAPH, tmp_path)


def test_gold_folder_without_json_raises_e502(tmp_path):
    (tmp_path / "notes.txt").write_text("geen gold", encoding="utf-8")
    for folder in (tmp_path, tmp_path / "nowhere"):
        with pytest.raises(InputError) as caught:
            evaluate(GRAPH, folder)
        assert caught.value.code == "E502"


def test_missing_graph_raises_e301(tmp_path):
    with pytest.raises(StoreError) as caught:
        evaluate(tmp_path / "out" / "graph.ttl", GOLD)
    assert caught.value.code == "E301"
    assert str(caught.value).endswith("run kamerkg build first")


def test_unparsable_graph_raises_e503(tmp_path):
    bad = tmp_path / "graph.ttl"
    bad.write_text("<a> <b> .", encoding="utf-8")
    with pytest.raises(StoreError, match="E503"):
        evaluate(bad, GOLD)


def test_a_folder_means_its_graph_ttl(tmp_path):
    shutil.copy(GRAPH, tmp_path / "graph.ttl")
    assert evaluate(tmp_path, GOLD).to_dict()["totals"] == evaluate(GRAPH, GOLD).to_dict()["totals"]


# --------------------------------------------------------------------------- perfect graphs


def test_perfect_graph_of_fixture_gold_scores_one_everywhere(tmp_path):
    result = evaluate(_write_perfect(GOLD, tmp_path / "graph.ttl"), GOLD)
    assert result.missing == []
    assert _all_perfect(result) == []
    assert format_details(result) == "no misses and no false positives"


def test_perfect_graph_of_seed_gold_scores_one_everywhere(tmp_path):
    result = evaluate(_write_perfect(SEED_GOLD, tmp_path / "graph.ttl"), SEED_GOLD)
    assert len(result.documents) == len(list(SEED_GOLD.glob("*.json")))
    assert _all_perfect(result) == []


def test_every_seed_gold_file_loads():
    for path in sorted(SEED_GOLD.glob("*.json")):
        gold = load_gold(path)
        assert gold.document == path.with_suffix(".txt").name


def test_perfect_graph_with_literal_offices_and_stances(tmp_path):
    graph = perfect_graph(_golds(SEED_GOLD))
    for s, p, o in list(graph):
        if p == KKG.stance:  # the stance as a plain literal instead of a node
            graph.remove((s, p, o))
            graph.add((s, p, Literal(str(o).rsplit("#", 1)[-1])))
        if p == KKG.holdsOffice:  # the office as a literal instead of a node
            graph.remove((s, p, o))
            graph.add((s, p, Literal(str(graph.value(o, RDFS.label)).upper())))
    graph.serialize(tmp_path / "graph.ttl", format="turtle")
    assert _all_perfect(evaluate(tmp_path / "graph.ttl", SEED_GOLD)) == []


def _extraction(gold: dict) -> Extraction:
    """The Extraction whose graph (written by graph/rdf.py) is exactly the gold."""
    text = ""

    def sentence(words: str) -> Span:
        nonlocal text
        start = len(text)
        text += words + " "
        return Span(start, start + len(words))

    def ident(ref: str) -> str:
        return str(_entity_iri(gold, ref)).rsplit("/", 1)[-1]

    actors = []
    for entity in gold["entities"]:
        kind = entity["type"] if isinstance(entity["type"], str) else entity["type"][0]
        offices = [
            Office(o["office"])
            for o in gold["offices"]
            if ident(o["person"]) == ident(entity["name"])
        ]
        actors.append(
            Actor(
                ident(entity["name"]),
                entity["name"],
                kind,
                set(entity.get("aliases", [])),
                offices=offices,
            )
        )
    claims = [
        Claim(
            ident(r["s"]),
            r["p"],
            ident(r["o"]),
            sentence(f"{r['s']} {r['p']} {r['o']}."),
            stance=r.get("stance") or "asserted",
        )
        for r in gold["relations"]
    ]
    incidents = []
    for inc in gold["incidents"]:
        label = " ".join(inc.get("keywords", [])) or "voorval"
        when = date.fromisoformat(inc["date"]) if inc.get("date") else None
        incidents.append(
            Incident(
                "attack",
                label,
                sentence(label + "."),
                "aanval",
                [ident(a) for a in inc["about"]],
                when,
            )
        )
    responses = [
        Response(
            "statement",
            r["keywords"][0],
            sentence(r["keywords"][0] + "."),
            "verklaart",
            by=[ident(b) for b in r["by"]],
        )
        for r in gold["responses"]
    ]
    day = {
        k: date.fromisoformat(gold[k]) if gold.get(k) else None for k in ("submitted", "answered")
    }
    document = Document(gold["document"], text, identifier=gold.get("identifier"), **day)
    return Extraction(
        document,
        actors,
        claims,
        incidents,
        responses,
        [ident(r) for r in gold["asked_by"]],
        [ident(r) for r in gold["answered_by"]],
    )


def test_graph_written_by_rdf_module_scores_one_everywhere(tmp_path):
    """The writer (graph/rdf.py) and the scorer agree on the shape."""
    graph = Graph()
    for gold in _golds(SEED_GOLD):
        extraction_graph(_extraction(gold), graph)
    graph.serialize(tmp_path / "graph.ttl", format="turtle")
    result = evaluate(tmp_path / "graph.ttl", SEED_GOLD)
    assert result.missing == []
    assert _all_perfect(result) == []


# --------------------------------------------------------------------------- output


def test_format_report_shows_blocks_figures_and_counts(report):
    text = format_report(report)
    assert "alpha.txt" in text and "gamma.txt  (MISSING from the graph)" in text
    assert text.count("TOTAL (micro-averaged over 3 documents)") == 1
    for name in FIGURES:
        assert f"  {name} " in text
    assert "0.833   0.818   0.826            tp 9 fp 2 fn 2 (tp_pred 10)" in text
    assert "0.667  2/3" in text
    totals_only = format_report(report, per_document=False)
    assert "alpha.txt" not in totals_only.replace("gamma.txt", "")
    assert "TOTAL" in totals_only and "missing documents: gamma.txt" in totals_only


def test_to_json_is_complete_and_deterministic(report):
    data = json.loads(report.to_json())
    assert [d["document"] for d in data["documents"]] == ["alpha.txt", "beta.txt", "gamma.txt"]
    assert data["missing"] == ["gamma.txt"]
    assert list(data["totals"]) == list(FIGURES)
    assert data["totals"]["entities"]["tp"] == 11
    assert data["documents"][0]["figures"]["stances"] == {
        "accuracy": 0.6667,
        "correct": 2,
        "total": 3,
    }
    assert evaluate(GRAPH, GOLD).to_json() == report.to_json()


def test_format_details_lists_misses_and_false_positives(report):
    text = format_details(report)
    for line in (
        "alpha.txt:",
        "missed entities (2):",
        "- Socialistische Partij",
        "- Kees Smit",
        "- GRU targeted Nederland",
        "- Sandworm attributedTo GRU: gold asserted, graph reported",
        "- GRU: gold GovernmentBody, graph Organisation",
        "- submitted: gold 2023-11-06, graph 2023-11-07",
        "- identifier: gold None, graph 2023Z99999",
    ):
        assert line in text


def test_relation_figures_per_predicate_add_up_to_the_relations_figure(report):
    # Each predicate is judged apart; as no gold relation is matched across
    # predicates, their counts sum to the overall relations figure.
    for doc in [*report.documents, None]:
        figures = report.totals if doc is None else doc.figures
        parts = [figures[n] for n in FIGURES if n.startswith("relations.")]
        assert len(parts) == 5
        whole = figures["relations"]
        assert sum(p.tp for p in parts) == whole.tp
        assert sum(p.fp for p in parts) == whole.fp
        assert sum(p.fn for p in parts) == whole.fn
    alpha = _doc(report, "alpha.txt").figures
    # Sandworm targeted Rotterdam is alpha's spurious targeted relation.
    assert alpha["relations.targeted"].fp >= 1
