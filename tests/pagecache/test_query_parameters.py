"""The page cache keeps a page only for the query parameters some public page reads
(`serving.pagecache.keys.PUBLIC_PARAMETERS`): a parameter a page starts reading must be listed there,
or its pages are served but never kept."""

import ast
from pathlib import Path

import pytest

from courses.filters import CourseFilterSet
from projects.filters import ProjectFilterSet
from serving.pagecache.keys import PUBLIC_PARAMETERS, TRACKING, public_query

ROOT = Path(__file__).resolve().parents[2]
APPS = ["core", "search", "standardpages", "projects", "outbox", "consent", "courses", "transparency", "accessibility"]


@pytest.mark.parametrize("filterset", [ProjectFilterSet, CourseFilterSet])
def test_every_catalogue_filter_is_a_public_parameter(filterset):
    assert set(filterset.base_filters) <= PUBLIC_PARAMETERS


def get_reads(path):
    """Names read as `request.GET.get("name")`, `request.GET["name"]` or `"name" in request.GET`."""
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "get":
            target, args = node.func.value, node.args
        elif isinstance(node, ast.Subscript):
            target, args = node.value, [node.slice]
        elif isinstance(node, ast.Compare) and isinstance(node.ops[0], ast.In | ast.NotIn):
            target, args = node.comparators[0], [node.left]
        else:
            continue
        if isinstance(target, ast.Attribute) and target.attr == "GET" and args and isinstance(args[0], ast.Constant):
            yield args[0].value


def test_every_parameter_a_public_view_reads_is_a_public_parameter():
    read = {
        name
        for app in APPS
        for path in (ROOT / app).rglob("*.py")
        if "admin" not in path.name and "chooser" not in path.name and "migrations" not in path.parts
        for name in get_reads(path)
    }
    assert read and read <= PUBLIC_PARAMETERS, read - PUBLIC_PARAMETERS


def test_no_public_parameter_looks_like_tracking():
    assert not [name for name in PUBLIC_PARAMETERS if TRACKING.fullmatch(name)]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("ordine=budget&ordine=titolo", "ordine=budget&ordine=titolo"),
        ("ordine=titolo&ordine=budget", "ordine=titolo&ordine=budget"),
        ("tema=b&fondo=2&tema=a", "fondo=2&tema=b&tema=a"),
        ("utm_source=x&page=2&fbclid=y&&mc_eid=1", "page=2"),
        ("q=caf%C3%A8+bar&q=%26", "q=caf%C3%A8+bar&q=%26"),
    ],
)
def test_the_query_keeps_djangos_meaning_in_one_order(query, expected):
    assert public_query(query) == (expected, True)


def test_a_parameter_no_page_reads_is_not_kept():
    assert public_query("page=2&x=1") == ("page=2&x=1", False)
