"""The offline page in headless Chromium: drawing, search, tooltips, no network, no XSS."""

import time
from pathlib import Path

import pytest
from rdflib import Graph

from kamerkg.graph.network import to_networkx
from kamerkg.graph.screenshot import CHROMIUM, CHROMIUM_ARGS, screenshot
from kamerkg.graph.synthetic import synthetic_rdf
from kamerkg.graph.viz import write_page

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"{CHROMIUM} is not installed"),
]

FIXTURES = Path(__file__).parent / "fixtures"
SAMPLE_PAGE = Path(__file__).resolve().parents[2] / "out" / "graph.html"
WATCH = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", (e) => window.__csp.push(e.violatedDirective));
"""


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def build(tmp_path: Path, fixture: str) -> Path:
    path = tmp_path / f"{fixture}.html"
    write_page(to_networkx(Graph().parse(FIXTURES / f"{fixture}.ttl")), path, title=fixture)
    return path


class Page:
    """A page opened from disk with every request recorded and non-local ones refused."""

    def __init__(self, browser, path: Path):
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.page = browser.new_page(viewport={"width": 1280, "height": 800})
        self.page.add_init_script(WATCH)
        self.page.on("pageerror", lambda exc: self.errors.append(str(exc)))
        self.page.route("**/*", self._route)
        self.page.goto(path.resolve().as_uri())
        self.page.wait_for_function("window.kamerkg && window.kamerkg.state.ready")

    def _route(self, route):
        url = route.request.url
        self.requests.append(url)
        if url.startswith(("file:", "data:")):
            route.continue_()
        else:
            route.abort()

    def js(self, expression: str, arg=None):
        return self.page.evaluate(expression, arg)

    def search(self, text: str):
        self.page.fill("#kkg-search", text)
        self.page.press("#kkg-search", "Enter")
        return self.js("window.kamerkg.network.getSelectedNodes()")

    def hover(self, x: float, y: float) -> str:
        box = self.page.locator("#kkg-network").bounding_box()
        self.page.mouse.move(box["x"] + x - 30, box["y"] + y - 30)
        self.page.mouse.move(box["x"] + x, box["y"] + y, steps=5)
        tooltip = self.page.locator("div.vis-tooltip")
        tooltip.wait_for(state="visible", timeout=5000)
        return tooltip.text_content()

    def hover_node(self, node_id: str) -> str:
        point = self.js(
            "id => { const net = window.kamerkg.network;"
            " return net.canvasToDOM(net.getPositions([id])[id]); }",
            node_id,
        )
        return self.hover(point["x"], point["y"])

    def hover_edge(self, source: str, target: str) -> str:
        point = self.js(
            """([a, b]) => {
                const net = window.kamerkg.network, p = net.getPositions([a, b]);
                return net.canvasToDOM({x: (p[a].x + p[b].x) / 2, y: (p[a].y + p[b].y) / 2});
            }""",
            [source, target],
        )
        return self.hover(point["x"], point["y"])

    def external_requests(self) -> list[str]:
        return [u for u in self.requests if not u.startswith(("file:", "data:"))]

    def close(self):
        self.page.close()


@pytest.fixture
def small(browser, tmp_path):
    page = Page(browser, build(tmp_path, "small"))
    yield page
    page.close()


def test_nodes_are_drawn(small):
    assert small.js("window.kamerkg.state.nodeCount") == 14
    assert small.js("window.kamerkg.network.body.nodeIndices.length") == 14
    painted = small.js(
        """() => {
            const c = document.querySelector('#kkg-network canvas');
            const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
            let n = 0;
            for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++;
            return n;
        }"""
    )
    assert painted > 1000
    assert small.errors == []


def test_search_finds_and_selects(small):
    assert small.search("APT31") == ["actor/apt31"]
    assert "APT31" in small.page.text_content("#kkg-status")
    assert small.search("advanced persistent threat 31") == ["actor/apt31"]
    assert small.search("christen-democratisch appel") == ["actor/cda"]
    assert small.search("bestaat niet") == []
    assert small.page.text_content("#kkg-status") == "not found"


def test_node_and_edge_tooltips_show_plain_text(small):
    text = small.hover_node("actor/karin-van-dijk")
    assert "Karin van Dijk" in text and "minister van Justitie en Veiligheid" in text
    small.page.mouse.move(5, 5)
    text = small.hover_edge("actor/sandworm", "actor/rusland")
    assert "onder leiding van de Russische militaire inlichtingendienst" in text
    assert "002_fixture.txt" in text and "reported" in text


def test_class_filter_hides_nodes(small):
    small.page.uncheck('input.kkg-filter[value="ThreatActor"]')
    hidden = small.js("window.kamerkg.nodes.get('actor/apt31').hidden")
    assert hidden is True
    assert "12 of 14" in small.page.text_content("#kkg-counts")
    small.search("APT31")  # searching a hidden class shows it again
    assert small.js("window.kamerkg.nodes.get('actor/apt31').hidden") is False


def test_page_makes_no_network_request(small):
    small.search("APT31")
    small.hover_node("actor/apt31")
    assert small.external_requests() == []
    assert len(small.requests) == 1 and small.requests[0].startswith("file:")
    assert small.js("window.__csp") == []


def test_injected_markup_never_runs(browser, tmp_path):
    page = Page(browser, build(tmp_path, "injection"))
    try:
        assert page.search("<script>window.__pwned=1</script>") == ["actor/script"]
        node_tip = page.hover_node("actor/script")
        assert "<script>window.__pwned=1</script>" in node_tip
        assert '<img src=x onerror="window.__pwned=1">' in node_tip
        page.page.mouse.move(5, 5)
        edge_tip = page.hover_edge("actor/apt31", "actor/script")
        assert "<script>window.__pwned=1</script> &amp; </script><!-- -->" in edge_tip
        page.search("APT31")
        page.hover_node("actor/apt31")
        assert page.js("typeof window.__pwned") == "undefined"
        # Text stayed text: no element came out of the data, and CSP had nothing to stop.
        assert (
            page.js(
                "document.querySelectorAll('div.vis-tooltip img, div.vis-tooltip script').length"
            )
            == 0
        )
        assert page.js("document.querySelectorAll('img').length") == 0
        assert page.js("window.__csp") == []
        assert page.external_requests() == [] and page.errors == []
    finally:
        page.close()


@pytest.mark.skipif(not SAMPLE_PAGE.exists(), reason="out/graph.html not built yet")
def test_sample_build_page(browser):
    page = Page(browser, SAMPLE_PAGE)
    try:
        assert page.js("window.kamerkg.network.body.nodeIndices.length") > 0
        assert page.search("APT31") != []
        assert page.external_requests() == [] and page.errors == []
    finally:
        page.close()


@pytest.mark.slow
def test_five_thousand_actors_open_quickly(browser, tmp_path):
    path = tmp_path / "big.html"
    write_page(to_networkx(synthetic_rdf(5000)), path)
    started = time.perf_counter()
    page = Page(browser, path)
    try:
        seconds = time.perf_counter() - started
        assert page.js("window.kamerkg.network.body.nodeIndices.length") == 5000
        print(f"5,000-actor page: first draw after {seconds:.2f} s")
        assert page.errors == []
    finally:
        page.close()


def test_screenshot_script(browser, tmp_path):
    png = screenshot(
        build(tmp_path, "small"), tmp_path / "docs" / "screenshot.png", browser=browser
    )
    data = png.read_bytes()
    assert data.startswith(b"\x89PNG") and len(data) > 10_000
