"""The ``kamerkg`` command: thin, options in, one call out, errors to one line.

Exit codes: 0 done; 1 the checked thing failed (validation, eval thresholds);
2 a usage or input error (one line on stderr, no traceback); 3 partial build
(some files were skipped, the rest was built); 130 interrupted.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path

import click

from kamerkg.extract.errors import KamerkgError

__all__ = ["cli", "main"]

EXIT_FAILED, EXIT_USAGE, EXIT_PARTIAL = 1, 2, 3

out_option = click.option(
    "-o",
    "--out",
    "out_dir",
    type=click.Path(path_type=Path, file_okay=False),
    default=Path("out"),
    show_default=True,
    help="Output folder of the build (holds the store, graph.ttl and graph.html).",
)
quiet_option = click.option("--quiet", "-q", is_flag=True, help="No progress bar or notes.")


def _progress(quiet: bool):
    """A progress wrapper on stderr; silent with --quiet."""

    def wrap(items: Iterable, length: int, label: str) -> Iterable:
        if quiet or length == 0:
            yield from items
            return
        with click.progressbar(items, length=length, label=label, file=sys.stderr) as bar:
            yield from bar

    return wrap


def _ego(graph, around: str | None, depth: int):
    from .network import ego

    return ego(graph, around, depth) if around else graph


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="kamerkg")
def cli() -> None:
    """Dutch parliamentary documents on state threats to a knowledge graph."""


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@out_option
@click.option(
    "--model",
    default=None,
    help="spaCy model: a package, a path or 'blank' (default: "
    "nl_core_news_sm when installed, else blank Dutch).",
)
@click.option(
    "--jobs",
    "-j",
    default=1,
    show_default=True,
    type=click.IntRange(1, 64),
    help="Worker processes.",
)
@click.option(
    "--update", is_flag=True, help="Re-read only new or changed files; drop deleted ones."
)
@click.option("--strict", is_flag=True, help="Stop at the first bad file instead of skipping it.")
@click.option("--no-html", is_flag=True, help="Do not write graph.html.")
@click.option(
    "--lists",
    "extra_lists",
    multiple=True,
    type=click.Path(path_type=Path, file_okay=False, exists=True),
    help="Extra folder of actor lists (CSV like seeds/actors); repeatable.",
)
@click.option(
    "--max-bytes",
    default=20_000_000,
    show_default=True,
    type=click.IntRange(1),
    help="Refuse files larger than this.",
)
@quiet_option
def build(paths, out_dir, model, jobs, update, strict, no_html, extra_lists, max_bytes, quiet):
    """Build the graph from documents (default: the bundled sample documents).

    PATHS are files (.txt .pdf .html) or folders. Writes OUT/graph.ttl, OUT/graph.html
    and the store, and prints a one-line summary. Exits 3 when some files were skipped.
    """
    from .build import BuildOptions, sample_documents
    from .build import build as run_build

    options = BuildOptions(
        model=model,
        jobs=jobs,
        update=update,
        strict=strict,
        html=not no_html,
        max_bytes=max_bytes,
        extra_lists=tuple(extra_lists),
    )
    targets = list(paths) or [sample_documents()]
    summary = run_build(targets, out_dir, options, progress=_progress(quiet))
    click.echo(summary.line())
    if summary.partial:
        sys.exit(EXIT_PARTIAL)


@cli.command()
@click.argument("query", required=False)
@out_option
@click.option(
    "--param",
    "-p",
    "params",
    multiple=True,
    metavar="NAME=VALUE",
    help="Bind a query parameter (repeatable); values are bound, never pasted.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "csv", "json"]),
    default="table",
    show_default=True,
)
@click.option(
    "--endpoint",
    default=None,
    metavar="URL",
    help="Query this SPARQL 1.1 endpoint instead of the local store.",
)
@click.option("--list", "list_only", is_flag=True, help="List the named queries and exit.")
def query(query, out_dir, params, fmt, endpoint, list_only):
    """Run a named query, a .rq file or SPARQL text (read-only) and print the result."""
    from .query import describe_queries, format_result, run_query

    if list_only:
        click.echo(describe_queries())
        return
    if not query:
        raise click.UsageError("give a query name, a .rq file or SPARQL text (see --list)")
    bound = {}
    for item in params:
        name, sep, value = item.partition("=")
        if not sep or not name:
            raise click.BadParameter(f"{item!r} is not NAME=VALUE", param_hint="--param")
        bound[name.strip()] = value
    result = run_query(out_dir, query, bound, endpoint=endpoint)
    click.echo(format_result(result, fmt), nl=False)


@cli.command("eval")
@click.option(
    "--gold",
    "gold_dir",
    required=True,
    type=click.Path(path_type=Path, file_okay=False),
    help="Folder of gold JSON files (seeds/gold/FORMAT.md).",
)
@out_option
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
@click.option("--details", is_flag=True, help="List misses and false positives per document.")
@click.option("--totals-only", is_flag=True, help="Print the totals only.")
def evaluate(gold_dir, out_dir, fmt, details, totals_only):
    """Score the built graph in OUT against gold annotations."""
    from .evaluate import evaluate as run_eval
    from .evaluate import format_details, format_report

    report = run_eval(out_dir / "graph.ttl", gold_dir)
    if fmt == "json":
        click.echo(report.to_json())
        return
    click.echo(format_report(report, per_document=not totals_only))
    if details:
        click.echo(format_details(report))


@cli.command()
@out_option
def validate(out_dir):
    """Check the built graph against the SHACL shapes; exit 1 if it does not conform."""
    from .store import load_graph
    from .validate import format_result
    from .validate import validate as run_validate

    result = run_validate(load_graph(out_dir))
    click.echo(format_result(result))
    if not result.conforms:
        sys.exit(EXIT_FAILED)


@cli.command()
@out_option
@click.option("--around", default=None, metavar="NAME", help="Only the ego network of this actor.")
@click.option("--depth", default=1, show_default=True, type=click.IntRange(1, 10))
@click.option("--top", default=10, show_default=True, type=click.IntRange(1, 1000))
def stats(out_dir, around, depth, top):
    """Degree and betweenness centrality and communities of the actor network."""
    from .network import format_stats, to_networkx
    from .network import stats as run_stats
    from .store import load_graph

    graph = _ego(to_networkx(load_graph(out_dir)), around, depth)
    click.echo(format_stats(run_stats(graph, top=top)))


@cli.command()
@out_option
@click.option("--around", default=None, metavar="NAME", help="Only the ego network of this actor.")
@click.option("--depth", default=1, show_default=True, type=click.IntRange(1, 10))
@click.option(
    "--format", "fmt", type=click.Choice(["html", "svg", "png"]), default="html", show_default=True
)
@click.option(
    "--output",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="File to write (default OUT/view.html, OUT/view.svg ...).",
)
def viz(out_dir, around, depth, fmt, output):
    """Write the interactive page (offline) or a static picture of a view."""
    from .network import to_networkx
    from .store import load_graph
    from .viz import write_page, write_picture

    graph = _ego(to_networkx(load_graph(out_dir)), around, depth)
    target = output or out_dir / f"view.{fmt}"
    if fmt == "html":
        write_page(graph, target, title=f"kamerkg: {around}" if around else "kamerkg")
    else:
        write_picture(graph, target, fmt)
    click.echo(str(target))


@cli.command()
@out_option
@click.option(
    "--format",
    "fmt",
    required=True,
    type=click.Choice(["ttl", "nt", "jsonld", "graphml", "gexf", "csv"]),
)
@click.option(
    "--dest",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    help="Folder to write into (default OUT/export).",
)
@click.option("--around", default=None, metavar="NAME", help="Only the ego network of this actor.")
@click.option("--depth", default=1, show_default=True, type=click.IntRange(1, 10))
def export(out_dir, fmt, dest, around, depth):
    """Export the graph for Gephi, Excel and other RDF tools."""
    from .export import export as run_export
    from .network import to_networkx
    from .store import load_graph

    rdf = load_graph(out_dir)
    graph = _ego(to_networkx(rdf), around, depth)
    for path in run_export(rdf, graph, fmt, dest or out_dir / "export"):
        click.echo(str(path))


@cli.command()
@out_option
@click.option(
    "--endpoint",
    required=True,
    metavar="URL",
    help="SPARQL 1.1 Graph Store Protocol endpoint to write the named graphs to.",
)
@click.option(
    "--graph-store",
    default=None,
    metavar="URL",
    help="Graph Store URL, where the server keeps it apart from --endpoint.",
)
def push(out_dir, endpoint, graph_store):
    """Write every document's named graph to a SPARQL server."""
    from .endpoint import push as run_push

    count = run_push(out_dir, endpoint, graph_store_url=graph_store)
    click.echo(f"{count} graphs pushed to {endpoint}")


def main(argv: list[str] | None = None) -> int:
    """Entry point: one line on stderr for a user's mistake, never a traceback."""
    try:
        cli.main(args=argv, prog_name="kamerkg", standalone_mode=False)
    except KamerkgError as error:
        click.echo(f"kamerkg: error: {error}", err=True)
        return EXIT_USAGE
    except click.exceptions.Abort:
        click.echo("kamerkg: interrupted", err=True)
        return 130
    except click.ClickException as error:
        click.echo(f"kamerkg: error: {error.format_message()}", err=True)
        return EXIT_USAGE
    except SystemExit as done:
        return int(done.code or 0)
    except KeyboardInterrupt:
        click.echo("kamerkg: interrupted", err=True)
        return 130
    except BrokenPipeError:
        return 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
