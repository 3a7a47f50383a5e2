"""Named queries: catalogue, parameters, read-only checks, results and formats."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
import rdflib
from rdflib import RDF

from kamerkg.extract.errors import QueryError
from kamerkg.graph.query import (
    QueryResult,
    bind_values,
    check_read_only,
    format_result,
    list_queries,
    run_query,
)
from kamerkg.graph.store import Store, load_graph, write_build

FIXTURES = Path(__file__).parent / "fixtures" / "store"
KKG = rdflib.Namespace("https://w3id.org/kamerkg/ns#")
SHIPPED = {
    "actor-profile",
    "attributions",
    "documents",
    "incidents-timeline",
    "ministers-by-days",
    "questions-per-mp",
    "questions-per-party",
    "who-asked-whom",
}


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    graphs = {}
    for path in sorted(FIXTURES.glob("*.ttl")):
        graph = rdflib.Graph().parse(path)
        (doc,) = graph.subjects(RDF.type, KKG.Document)
        graphs[str(doc)] = graph
    target = tmp_path_factory.mktemp("query") / "out"
    write_build(target, graphs, [], {}, update=False)
    return target


def column(result: QueryResult, name: str) -> list[str | None]:
    return [record[name] for record in result.records()]


def test_catalogue_lists_the_shipped_queries() -> None:
    queries = {q.name: q for q in list_queries()}
    assert set(queries) >= SHIPPED
    assert all(q.description for q in queries.values())
    (name,) = queries["actor-profile"].params
    assert name.name == "name" and name.required
    assert {p.name for p in queries["attributions"].params} >= {"stance", "actor"}


@pytest.mark.parametrize("name", sorted(SHIPPED))
def test_every_shipped_query_runs_and_gives_rows(out: Path, name: str) -> None:
    params = {"name": "China"} if name == "actor-profile" else {}
    result = run_query(out, name, params)
    assert result.rows, name
    assert len(result.rows) == len(set(result.rows)), "rows must not repeat"
    assert all(len(row) == len(result.columns) for row in result.rows)


def test_who_asked_whom_rows(out: Path) -> None:
    records = run_query(out, "who-asked-whom", {}).records()
    assert {
        "mp": "Bram Jansen",
        "party": "Nieuw Sociaal Contract",
        "minister": "Carla Smit",
        "office": "minister van Buitenlandse Zaken",
        "submitted": "2023-03-01",
        "answered": "2023-04-05",
        "reference": "2023Z01234",
        "document": "brief-a.txt",
    } in records
    # pagina-b: two askers x two ministers
    assert sum(r["document"] == "pagina-b.txt" for r in records) == 4


def test_person_parameter_matches_alias_in_any_case(out: Path) -> None:
    result = run_query(out, "who-asked-whom", {"person": "a. DE vries"})
    assert set(column(result, "document")) == {"brief-a.txt", "pagina-b.txt"}
    result = run_query(out, "who-asked-whom", {"person": "EVA MULDER"})
    assert set(column(result, "document")) == {"pagina-b.txt"}
    result = run_query(out, "who-asked-whom", {"party": "nsc"})
    assert set(column(result, "document")) == {"brief-a.txt"}


def test_attributions_filter_by_stance_and_actor(out: Path) -> None:
    denied = run_query(out, "attributions", {"stance": "denied"}).records()
    assert [(r["subject"], r["relation"], r["object"]) for r in denied] == [
        ("Nederland", "uses", "DroneCorp")
    ]
    by_alias = run_query(out, "attributions", {"actor": "KRYPTONITE PANDA"})
    assert set(column(by_alias, "stance")) == {"asserted", "reported"}
    assert "memberOf" not in column(run_query(out, "attributions", {}), "relation")


def test_attributions_show_reporter_evidence_and_offsets(out: Path) -> None:
    records = run_query(out, "attributions", {"stance": "unconfirmed"}).records()
    assert len(records) == 1
    record = records[0]
    assert record["reportedBy"] == "AIVD"
    assert record["evidence"].startswith("Het kabinet kan niet bevestigen")
    assert (record["start"], record["end"]) == ("400", "470")
    media = run_query(out, "attributions", {"stance": "reported", "actor": "dronecorp"})
    assert column(media, "reportedBy") == ["in de media"]


def test_actor_profile(out: Path) -> None:
    (record,) = run_query(out, "actor-profile", {"name": "bronze mohawk"}).records()
    assert record["actor"] == "APT40"
    assert record["aliases"] == "Bronze Mohawk; Kryptonite Panda"
    assert record["type"] == "ThreatActor"
    assert "attributedTo China (asserted)" in record["relationsOut"]
    assert record["documentCount"] == "2"
    (minister,) = run_query(out, "actor-profile", {"name": "Carla Smit"}).records()
    assert minister["offices"] == "minister van Buitenlandse Zaken"
    (party,) = run_query(out, "actor-profile", {"name": "anna de vries"}).records()
    assert party["parties"] == "D66"


def test_questions_per_party_and_mp(out: Path) -> None:
    per_party = {
        (r["party"], r["year"]): r["documents"]
        for r in run_query(out, "questions-per-party", {}).records()
    }
    assert per_party == {
        ("D66", "2023"): "1",
        ("D66", "2024"): "1",
        ("Nieuw Sociaal Contract", "2023"): "1",
        ("VVD", "2024"): "1",
    }
    per_mp = run_query(out, "questions-per-mp", {"person": "Anna de Vries"}).records()
    assert [(r["year"], r["documents"]) for r in per_mp] == [("2023", "1"), ("2024", "1")]


def test_ministers_by_days(out: Path) -> None:
    records = {r["minister"]: r for r in run_query(out, "ministers-by-days", {}).records()}
    assert records["Carla Smit"]["documents"] == "2"
    assert float(records["Carla Smit"]["averageDays"]) == 43.0
    assert records["Carla Smit"]["maxDays"] == "51"
    # Not answered yet: no days, and no made-up average of 0.
    assert records["Gijs Prins"]["averageDays"] is None
    assert records["Gijs Prins"]["office"] is None


def test_sparse_document_still_listed(out: Path) -> None:
    (row,) = run_query(out, "who-asked-whom", {"person": "femke kok"}).records()
    assert (row["mp"], row["party"], row["minister"], row["answered"]) == (
        "Femke Kok",
        None,
        "Gijs Prins",
        None,
    )
    (incident,) = run_query(out, "incidents-timeline", {"type": "sabotage"}).records()
    assert incident["responses"] is None and incident["involved"] is None


def test_incidents_timeline_links_responses(out: Path) -> None:
    records = run_query(out, "incidents-timeline", {"type": "ESPIONAGE"}).records()
    assert len(records) == 1
    assert records[0]["involved"] == "DroneCorp; Sandworm"
    assert records[0]["takenBy"] == "Europese Unie; Nederland"
    assert "[sanction]" in records[0]["responses"]
    dated = run_query(out, "incidents-timeline", {"actor": "apt40"}).records()
    assert [r["date"] for r in dated] == ["2023-02-10"]


def test_documents_filters(out: Path) -> None:
    assert column(run_query(out, "documents", {"genre": "Letter"}), "source") == ["brief-a.txt"]
    assert column(run_query(out, "documents", {"year": "2024"}), "source") == ["pagina-b.txt"]


@pytest.mark.parametrize(
    "value",
    ['") } } DROP ALL #', "x' } ; INSERT DATA { <a:a> <b:b> <c:c> } #", 'a\\" \n\t"""', "<>"],
)
def test_parameter_values_cannot_change_the_query(out: Path, value: str) -> None:
    result = run_query(out, "attributions", {"actor": value})
    assert result.rows == []
    assert len(run_query(out, "documents", {}).rows) == 4


def test_bind_values_escapes_and_skips_construct_template() -> None:
    from pyoxigraph import Literal

    text = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"
    bound = bind_values(text, {"o": Literal('a"b')})
    assert bound == 'CONSTRUCT { ?s ?p ?o } WHERE { VALUES (?o) { ("a\\"b") } ?s ?p ?o }'
    # A brace inside a string or comment before WHERE is not the group.
    tricky = 'SELECT ("{" AS ?x) # {\nWHERE { ?s ?p ?o }'
    assert bind_values(tricky, {"o": Literal("v")}).endswith('{ VALUES (?o) { ("v") } ?s ?p ?o }')


def test_unknown_parameter_is_e402(out: Path) -> None:
    with pytest.raises(QueryError) as info:
        run_query(out, "documents", {"colour": "red"})
    assert info.value.code == "E402"
    assert "genre" in info.value.remedy


def test_missing_required_parameter_is_e403(out: Path) -> None:
    with pytest.raises(QueryError) as info:
        run_query(out, "actor-profile", {})
    assert info.value.code == "E403"
    assert "name" in str(info.value)


@pytest.mark.parametrize(
    "text",
    [
        "INSERT DATA { <http://e/a> <http://e/b> <http://e/c> }",
        "PREFIX x: <http://x/>\n# SELECT * WHERE {}\ndelete where { ?s ?p ?o }",
        "DROP ALL",
        "  clear default",
        "LOAD <http://example.org/data.ttl>",
        "WITH <http://e/g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
        "CREATE GRAPH <http://e/g>",
        "ADD DEFAULT TO <http://e/g>",
        "MOVE <http://e/a> TO <http://e/b>",
        "COPY <http://e/a> TO <http://e/b>",
        "SELECT * WHERE { ?s ?p ?o } ; DROP ALL",
    ],
)
def test_updates_are_refused_with_e401(out: Path, text: str) -> None:
    with pytest.raises(QueryError) as info:
        run_query(out, text, {})
    assert info.value.code in ("E401", "E404")
    if not text.startswith("SELECT"):
        assert info.value.code == "E401"
        assert "read-only" in info.value.remedy
    assert len(run_query(out, "documents", {}).rows) == 4


def test_syntax_error_is_e404_on_one_line() -> None:
    with pytest.raises(QueryError) as info:
        check_read_only("SELECT ?s WHERE { ?s ?p }")
    assert info.value.code == "E404"
    assert "\n" not in str(info.value)


def test_unknown_name_is_e405_listing_names(out: Path) -> None:
    with pytest.raises(QueryError) as info:
        run_query(out, "who-asked", {})
    assert info.value.code == "E405"
    assert "who-asked-whom" in info.value.remedy


def test_query_file_and_adhoc_parameters(out: Path, tmp_path: Path) -> None:
    rq = tmp_path / "mine.rq"
    rq.write_text(
        "# name: mine\n# param: src (required) - file name\n"
        "PREFIX dcterms: <http://purl.org/dc/terms/>\n"
        "SELECT ?doc WHERE { ?doc dcterms:source ?_src }\n",
        encoding="utf-8",
    )
    assert len(run_query(out, str(rq), {"src": "brief-a.txt"}).rows) == 1
    with pytest.raises(QueryError) as info:
        run_query(out, str(tmp_path / "absent.rq"), {})
    assert info.value.code == "E406"
    adhoc = "SELECT ?s WHERE { ?s <http://purl.org/dc/terms/identifier> ?_ref }"
    assert len(run_query(out, adhoc, {"ref": "2024Z00077"}).rows) == 1
    with pytest.raises(QueryError):
        run_query(out, adhoc, {"reference": "x"})


def test_ask_and_construct_results(out: Path) -> None:
    ask = run_query(out, "ASK { ?s a <https://w3id.org/kamerkg/ns#Incident> }", {})
    assert ask.rows == [("true",)]
    construct = run_query(
        out,
        "CONSTRUCT { ?s <http://e/p> ?id } WHERE { ?s <http://purl.org/dc/terms/identifier> ?id }",
        {},
    )
    assert construct.columns == ["subject", "predicate", "object"]
    assert sorted(r[2] for r in construct.rows) == ["2023Z01234", "2024Z00077", "2025Z10001"]


@pytest.mark.parametrize("name", sorted(SHIPPED))
def test_store_and_rdflib_agree(out: Path, name: str) -> None:
    params = {"name": "china"} if name == "actor-profile" else {}
    local = run_query(out, name, params)
    memory = run_query(load_graph(out), name, params)
    assert local.columns == memory.columns

    def normal(rows: list) -> list:  # numbers may differ in lexical form (43 / 43.0)
        def cell(v: str | None) -> object:
            try:
                return float(v) if v is not None else None
            except ValueError:
                return v

        return sorted((tuple(cell(v) for v in row) for row in rows), key=repr)

    assert normal(local.rows) == normal(memory.rows)


def test_results_are_deterministic(out: Path) -> None:
    first = [format_result(run_query(out, q, {}), "csv") for q in ("attributions", "documents")]
    with Store.open(out, read_only=True) as store:
        second = [
            format_result(run_query(store, q, {}), "csv") for q in ("attributions", "documents")
        ]
    assert first == second


def test_format_table_aligns_and_shortens() -> None:
    result = QueryResult(["a", "langer"], [("x" * 80, "1"), (None, "22")])
    lines = format_result(result, "table").splitlines()
    assert lines[0].index("langer") == lines[2].index("1")
    assert "…" in lines[2]
    assert len(lines[2].split("  ")[0]) == 48


def test_format_csv_is_rfc4180() -> None:
    result = QueryResult(["a", "b"], [('zei "ja", toen', "regel\nnieuw"), ("x", None)])
    text = format_result(result, "csv")
    assert text.endswith("\r\n")
    assert '"zei ""ja"", toen"' in text
    assert list(csv.reader(io.StringIO(text))) == [
        ["a", "b"],
        ['zei "ja", toen', "regel\nnieuw"],
        ["x", ""],
    ]


def test_format_json_is_a_list_of_objects() -> None:
    result = QueryResult(["a", "b"], [("ê", None)])
    assert json.loads(format_result(result, "json")) == [{"a": "ê", "b": None}]
    with pytest.raises(QueryError):
        format_result(result, "xml")


def test_service_is_refused_locally(out: Path) -> None:
    text = "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }"
    with pytest.raises(QueryError) as info:
        run_query(out, text, {})
    assert info.value.code == "E410"
    # The word inside a string is no SERVICE clause.
    assert run_query(out, 'SELECT ?x WHERE { BIND ("service" AS ?x) }', {}).rows == [("service",)]
