"""No loop between modules: a module never imports a module that imports it back, directly or through a
chain. Every import counts, at module level or inside a function, relative ones resolved; importing a
name from a package counts as importing the package's `__init__` (a re-export). A loop fails here,
naming each step with its file and line (docs/architecture.md, "Packages and import rules")."""

from collections import deque

from .test_architecture import PROJECT_PACKAGES, ROOT, _imports, _source_files


def _module_name(path):
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def import_graph():
    """{module: {imported module: (file, line) of the first such import}} over the project's modules."""
    paths = {
        _module_name(path): path
        for package in sorted(PROJECT_PACKAGES)
        if (ROOT / package).is_dir()
        for path in _source_files(package)
    }
    graph = {}
    for module, path in paths.items():
        edges = graph.setdefault(module, {})
        for line, imported in _imports(path, module.split(".")[0]):
            while imported and imported not in paths:  # `from a.b import Name` reaches the module a.b
                imported = imported.rpartition(".")[0]
            if imported and imported != module:
                edges.setdefault(imported, f"{path.relative_to(ROOT)}:{line}")
    return graph


def loops(graph):
    """The strongly connected components of more than one module (Tarjan's algorithm, iterative)."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []
    for start in sorted(graph):
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is None:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    component = {node}
                    while (member := stack.pop()) != node:
                        on_stack.discard(member)
                        component.add(member)
                    on_stack.discard(node)
                    if len(component) > 1:
                        found.append(frozenset(component))
            elif child not in index:
                index[child] = low[child] = len(index)
                stack.append(child)
                on_stack.add(child)
                work.append((child, iter(sorted(graph[child]))))
            elif child in on_stack:
                low[node] = min(low[node], index[child])
    return found


def describe(graph, component):
    """One loop through the component, step by step: `a (a.py:3) -> b (b.py:9) -> a`."""
    start = min(component)
    came_from = {start: None}
    queue = deque([start])
    while queue:
        node = queue.popleft()
        for child in sorted(graph[node]):
            if child == start:
                steps = [(node, child)]
                while came_from[node] is not None:
                    steps.insert(0, (came_from[node], node))
                    node = came_from[node]
                return " -> ".join(f"{a} ({graph[a][b]})" for a, b in steps) + f" -> {start}"
            if child in component and child not in came_from:
                came_from[child] = node
                queue.append(child)
    raise AssertionError(f"no loop through {start}")


def test_no_module_imports_a_module_that_imports_it_back():
    graph = import_graph()
    new = [describe(graph, component) for component in loops(graph)]
    assert not new, "import loops:\n" + "\n".join(sorted(new))


def test_a_loop_through_a_function_level_import_or_a_package_reexport_is_found():
    graph = {
        "app.models": {"app.models.pages": "app/models/__init__.py:1"},
        "app.models.pages": {"app.querysets": "app/models/pages.py:2"},
        "app.querysets": {"app.models": "app/querysets.py:30"},
        "app.filters": {"app.models.pages": "app/filters.py:4"},
    }
    assert loops(graph) == [frozenset({"app.models", "app.models.pages", "app.querysets"})]
    assert describe(graph, loops(graph)[0]) == (
        "app.models (app/models/__init__.py:1) -> app.models.pages (app/models/pages.py:2) "
        "-> app.querysets (app/querysets.py:30) -> app.models"
    )
