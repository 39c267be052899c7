"""The import contract of the package, read from the source (imports inside functions count; imports under
`if TYPE_CHECKING:` do not, since they never run): no circle, and each layer imports only the layers below."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "newslint"
FAMILIES = ("names", "numbers", "attribution", "dateline")
# What a family may never import: the engine, the packs, the registry, the CLI and what drives a run.
ABOVE_THE_FAMILIES = (
    "newslint.engine", "newslint.packs", "newslint.registry", "newslint.cli", "newslint.linter",
    "newslint.parallel", "newslint.fix", "newslint.config", "newslint.selection", "newslint.output",
)  # fmt: skip


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _runtime_nodes(tree: ast.AST):
    """Every node but those under `if TYPE_CHECKING:`."""
    stack = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            stack.extend(node.orelse)
            continue
        yield node
        stack.extend(ast.iter_child_nodes(node))


def imports_of(path: Path, known: set[str]) -> set[str]:
    """The newslint modules `path` imports at run time (a `from package import module` names the module)."""
    found: set[str] = set()
    for node in _runtime_nodes(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name.startswith("newslint"))
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("newslint"):
            for alias in node.names:
                child = f"{node.module}.{alias.name}"
                found.add(child if child in known else node.module)
    return found & known


@pytest.fixture(scope="module")
def graph() -> dict[str, set[str]]:
    paths = {module_name(p): p for p in PACKAGE.rglob("*.py")}
    return {name: imports_of(path, set(paths)) - {name} for name, path in paths.items()}


def _circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan's algorithm, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    found: list[list[str]] = []
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is None:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    component = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.append(member)
                        if member == node:
                            break
                    if len(component) > 1:
                        found.append(sorted(component))
            elif child not in index:
                index[child] = low[child] = len(index)
                stack.append(child)
                on_stack.add(child)
                work.append((child, iter(sorted(graph[child]))))
            elif child in on_stack:
                low[node] = min(low[node], index[child])
    return found


def test_no_import_circle(graph):
    assert _circles(graph) == []


def test_the_circle_finder_finds_a_circle():
    assert _circles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_the_text_layer_never_imports_the_checks(graph):
    text = {name: deps for name, deps in graph.items() if name.startswith("newslint.text")}
    assert text, "no newslint.text modules found"
    assert {name: sorted(d for d in deps if d.startswith("newslint.checks")) for name, deps in text.items()} == {
        name: [] for name in text
    }


def test_families_never_import_the_engine_packs_or_cli(graph):
    bad = {
        name: sorted(d for d in deps if d.startswith(ABOVE_THE_FAMILIES))
        for name, deps in graph.items()
        if name.startswith("newslint.checks")
    }
    assert {name: deps for name, deps in bad.items() if deps} == {}


def test_each_family_is_a_package_and_no_family_module_is_left_at_the_top():
    for family in FAMILIES:
        assert (PACKAGE / "checks" / family / "__init__.py").is_file(), family
    top = [p.stem for p in PACKAGE.glob("*.py")] + [p.stem for p in (PACKAGE / "checks").glob("*.py")]
    assert [stem for stem in top if stem.startswith(FAMILIES) or stem.startswith("name")] == []


def test_resources_is_a_leaf(graph):
    assert graph["newslint.resources"] <= {"newslint.errors"}


GENERIC_TYPES = {"existence", "substitution", "consistency", "occurrence", "repeated-word", "article-agreement"}


def _camel(words: str) -> str:
    return "".join(part.capitalize() for part in words.split("-"))


def test_every_newsroom_rule_type_and_class_is_named_after_its_rule():
    """`numbers.spell-out` -> type `numbers-spell-out` -> class `SpellOut`, so one grep finds all three; a type
    several rules share is named after their common stem (`numbers.mixed-percent` -> `numbers-mixed`)."""
    from newslint.packs import builtin_pack_paths, load_packs
    from newslint.registry import CHECK_TYPES

    misnamed = []
    for rule in load_packs(builtin_pack_paths()):
        if rule.type in GENERIC_TYPES:
            continue
        family, name = rule.id.split(".", 1)
        stem = rule.type.removeprefix(f"{family}-")
        named = rule.type.startswith(f"{family}-") and (name == stem or name.startswith(f"{stem}-"))
        if not named or CHECK_TYPES[rule.type].__name__ != _camel(stem):
            misnamed.append(f"{rule.id} -> {rule.type} -> {CHECK_TYPES[rule.type].__name__}")
    assert misnamed == []
