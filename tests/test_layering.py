"""The import graph points one way: core ← improvement ← performance ← governance ← onboarding.

Read from the source itself (every import statement, wherever it sits), so a new module cannot
slip an upward import or a cycle past review. Project-wide code (these tests, the benchmark, the
load test, conftest) sits above every layer and may import any of them.
"""

import ast
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Lowest first: a package may import itself and the packages before it, never one after it.
LAYERS = ["yos_tracker", "improvement", "performance", "governance", "onboarding"]
ABOVE_ALL = ["tests", "bench", "load", "conftest"]
FIRST_PARTY = {*LAYERS, *ABOVE_ALL}
# The benchmark's launcher chooses its database and calls django.setup() before any model may be
# imported; its imports wait for that, not for a cycle.
SETS_UP_DJANGO_FIRST = {"bench.run"}


@dataclass(frozen=True)
class Import:
    source: str  # the importing module, e.g. "performance.services"
    target: str  # the imported module, e.g. "improvement.selectors"
    path: Path
    line: int
    in_function: bool


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules() -> dict[str, Path]:
    found = {}
    for top in FIRST_PARTY:
        base = ROOT / top
        paths = [base.with_suffix(".py")] if (base.with_suffix(".py")).exists() else base.rglob("*.py")
        for path in paths:
            if ".venv" not in path.parts:
                found[_module_name(path)] = path
    return found


MODULES = _modules()


def _resolve(name: str) -> str:
    """The most specific first-party module `name` refers to ("a.b.C" → "a.b" when C is a class)."""
    while name and name not in MODULES:
        name = name.rpartition(".")[0]
    return name


class _Collector(ast.NodeVisitor):
    def __init__(self, source: str, path: Path, is_package: bool):
        self.source, self.path, self.is_package = source, path, is_package
        self.depth = 0
        self.found: list[Import] = []

    def _function(self, node):
        self.depth += 1
        self.generic_visit(node)
        self.depth -= 1

    visit_FunctionDef = visit_AsyncFunctionDef = visit_Lambda = _function

    def _add(self, target: str, node):
        if target.split(".")[0] in FIRST_PARTY:
            resolved = _resolve(target)
            if resolved and resolved != self.source:
                self.found.append(Import(self.source, resolved, self.path, node.lineno, self.depth > 0))

    def visit_Import(self, node):
        for alias in node.names:
            self._add(alias.name, node)

    def visit_ImportFrom(self, node):
        if node.level:  # relative: from the package this module is in
            package = self.source if self.is_package else self.source.rpartition(".")[0]
            for _ in range(node.level - 1):
                package = package.rpartition(".")[0]
            base = f"{package}.{node.module}" if node.module else package
        else:
            base = node.module
        for alias in node.names:
            self._add(f"{base}.{alias.name}", node)


def _imports() -> list[Import]:
    found = []
    for name, path in MODULES.items():
        collector = _Collector(name, path, path.name == "__init__.py")
        collector.visit(ast.parse(path.read_text(), filename=str(path)))
        found += collector.found
    return found


IMPORTS = _imports()


def _top(module: str) -> str:
    return module.split(".")[0]


def _where(i: Import) -> str:
    return f"{i.path.relative_to(ROOT)}:{i.line} imports {i.target}"


def test_each_layer_imports_only_the_layers_below_it():
    upward = [
        _where(i)
        for i in IMPORTS
        if _top(i.source) in LAYERS
        and _top(i.target) != _top(i.source)
        and (_top(i.target) in ABOVE_ALL or LAYERS.index(_top(i.target)) > LAYERS.index(_top(i.source)))
    ]
    assert upward == []


def test_the_core_imports_no_domain_app():
    assert [_where(i) for i in IMPORTS if _top(i.source) == "yos_tracker" and _top(i.target) != "yos_tracker"] == []


def test_no_first_party_import_is_made_inside_a_function():
    assert [_where(i) for i in IMPORTS if i.in_function and i.source not in SETS_UP_DJANGO_FIRST] == []


def test_no_modules_import_each_other_in_a_cycle():
    graph: dict[str, set[str]] = {}
    for i in IMPORTS:
        graph.setdefault(i.source, set()).add(i.target)
    cycles, state = [], {}

    def visit(module: str, trail: list[str]):
        state[module] = "open"
        for target in sorted(graph.get(module, ())):
            if state.get(target) == "open":
                cycles.append(" → ".join([*trail[trail.index(target) :], target]))
            elif target not in state:
                visit(target, [*trail, target])
        state[module] = "done"

    for module in sorted(graph):
        if module not in state:
            visit(module, [module])
    assert cycles == []


def test_the_collector_sees_imports_inside_functions_and_relative_ones():
    """The rules above are only as good as the reading: check it on a sample that breaks them."""
    sample = "from . import views\n\ndef f():\n    from governance.models import Risk\n"
    collector = _Collector("improvement.sample", ROOT / "improvement" / "sample.py", False)
    collector.visit(ast.parse(sample))
    assert [(i.target, i.in_function) for i in collector.found] == [
        ("improvement.views", False),
        ("governance.models", True),
    ]


def test_every_package_with_tests_is_collected_by_the_suite():
    """A package's tests run only if pytest.ini names it: onboarding's once went unrun."""
    ini = (ROOT / "pytest.ini").read_text()
    testpaths = next(line for line in ini.splitlines() if line.startswith("testpaths")).split("=", 1)[1].split()
    with_tests = [top for top in [*LAYERS, "tests"] if (ROOT / top / "tests").is_dir() or top == "tests"]
    assert sorted(set(with_tests) - set(testpaths)) == []
