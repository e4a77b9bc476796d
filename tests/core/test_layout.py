"""The layout's promises: dependencies run one way between the apps, no module imports another
that imports it back, and the models and their migrations agree."""

import ast
import io
from pathlib import Path

import pytest
from django.core.management import call_command

ROOT = Path(__file__).resolve().parents[2]
# Each app and the apps it may import: shared <- members <- committees, events <- dues,
# instruments <- assemblies <- documents, plans <- liaison <- search <- near_portal (the project: settings, URLs, composed pages, report).
MAY_IMPORT = {
    "core": set(),
    "members": {"core"},
    "committees": {"core", "members"},
    "events": {"core", "members", "committees"},
    "dues": {"core", "members", "committees", "events"},
    "instruments": {"core", "members"},
    "assemblies": {"core", "members", "committees", "events", "dues", "instruments"},
    "documents": {"core", "members", "committees", "events", "dues", "instruments", "assemblies"},
    "plans": {"core", "members", "committees", "events", "dues", "instruments", "assemblies"},
    "liaison": {"core", "members", "committees", "events", "dues", "instruments", "assemblies", "plans"},
    "search": {
        "core",
        "members",
        "committees",
        "events",
        "dues",
        "instruments",
        "assemblies",
        "documents",
        "plans",
        "liaison",
    },
    "near_portal": {
        "core",
        "members",
        "committees",
        "events",
        "dues",
        "instruments",
        "assemblies",
        "documents",
        "plans",
        "liaison",
        "search",
    },
}


def modules() -> dict[str, Path]:
    """Every module of the apps, by dotted name (migrations left out: Django writes them)."""
    found = {}
    for app in MAY_IMPORT:
        for path in (ROOT / app).rglob("*.py"):
            if "migrations" in path.parts:
                continue
            name = ".".join(path.relative_to(ROOT).with_suffix("").parts)
            found[name.removesuffix(".__init__")] = path
    return found


def imports(path: Path, known: dict[str, Path]) -> set[str]:
    """The project modules ``path`` imports, at the top or inside a function."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            # ``from package import module`` imports the module; ``from module import name``, the module.
            names = [f"{node.module}.{alias.name}" for alias in node.names]
        else:
            continue
        for name in names:
            while name and name not in known:
                name = name.rpartition(".")[0]
            if name:
                found.add(name)
    return found


@pytest.fixture(scope="module")
def graph() -> dict[str, set[str]]:
    known = modules()
    return {name: imports(path, known) - {name} for name, path in known.items()}


def test_every_app_imports_only_the_apps_below_it(graph):
    upward = sorted(
        f"{module} imports {target}"
        for module, targets in graph.items()
        for target in targets
        if (app := module.split(".")[0]) != (other := target.split(".")[0]) and other not in MAY_IMPORT[app]
    )
    assert upward == []


def test_no_module_imports_a_module_that_imports_it_back(graph):
    # Tarjan's strongly connected components: any component of two or more modules is a cycle.
    index, low, stack, on_stack, cycles = {}, {}, [], set(), []

    def visit(module):
        index[module] = low[module] = len(index)
        stack.append(module)
        on_stack.add(module)
        for target in graph.get(module, ()):
            if target not in index:
                visit(target)
                low[module] = min(low[module], low[target])
            elif target in on_stack:
                low[module] = min(low[module], index[target])
        if low[module] == index[module]:
            component = []
            while (member := stack.pop()) != module:
                on_stack.discard(member)
                component.append(member)
            on_stack.discard(module)
            if component:
                cycles.append(sorted([module, *component]))

    for module in sorted(graph):
        if module not in index:
            visit(module)
    assert cycles == []


def test_the_check_sees_an_upward_import():
    known = {"members.models": Path(), "dues.models": Path()}
    source = ROOT / "var" / "layout-probe.py"
    source.parent.mkdir(exist_ok=True)
    source.write_text("def later():\n    from dues.models import Payment\n")
    try:
        assert imports(source, known) == {"dues.models"}
    finally:
        source.unlink()


@pytest.mark.django_db
def test_the_migrations_describe_the_models_exactly():
    out = io.StringIO()
    call_command("makemigrations", "--check", "--dry-run", stdout=out)
    assert "No changes detected" in out.getvalue()
