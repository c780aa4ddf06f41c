"""Find every UI string that goes through Qt's translator, by reading the Python source.

``pyside6-lupdate`` sees ``self.tr("…")``, ``QCoreApplication.translate("Ctx", "…")`` and
``QT_TRANSLATE_NOOP``, but not our module helpers (``_tr("…")`` whose context is fixed inside
the helper) and not label tables defined without Qt in other layers. This reader knows both
(see docs/translations.md); it runs no code, it only parses. What it recognises:

- ``self.tr("text")`` in a class: context = the class name (PySide uses the runtime class
  name, so a class that is subclassed must not use ``self.tr``; that is reported);
- ``QCoreApplication.translate(CTX, "text")`` (also ``QApplication``/``QGuiApplication``);
- a module helper ``def _tr(text): return QCoreApplication.translate(CTX, text)`` called
  with a literal, in its module or wherever it is imported
  (``from kpass.ui.common.labels import tr``);
- ``QT_TRANSLATE_NOOP(CTX, "text")``: marks a literal kept in a tuple or dict and translated
  later through a variable;
- ``translatable_tables(CTX, TABLE, …)``: the values of label dicts (or the items of
  tuples) defined elsewhere, even in a module without Qt, are source texts of ``CTX``.

``CTX`` is a string literal or a module-level string constant. A string literal is needed
where a text is given: an f-string or a ``+`` cannot be looked up in the catalog.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field
from pathlib import Path

TRANSLATE_OWNERS = frozenset({"QCoreApplication", "QApplication", "QGuiApplication"})
NOOP_MARKER = "QT_TRANSLATE_NOOP"
TABLE_MARKER = "translatable_tables"


@dataclass(frozen=True, order=True)
class Location:
    path: str  # relative to the repository root, with "/"
    line: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}"


@dataclass(frozen=True, order=True)
class Key:
    context: str
    source: str
    comment: str = ""  # Qt's disambiguation


@dataclass
class Extraction:
    """What the reader found: each message with where it occurs, and what it could not read."""

    locations: dict[Key, list[Location]] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    used_contexts: set[str] = field(default_factory=set)

    def add(self, key: Key, location: Location) -> None:
        self.locations.setdefault(key, []).append(location)


class ExtractionError(Exception):
    """Source code that the catalog cannot follow; ``problems`` are "file:line: message"."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass
class _Module:
    name: str
    path: str
    tree: ast.Module
    constants: dict[str, str] = field(default_factory=dict)
    helpers: dict[str, str] = field(default_factory=dict)  # function name → context
    imports: dict[str, tuple[str, str]] = field(default_factory=dict)  # alias → (module, name)
    classes: dict[str, list[str]] = field(default_factory=dict)  # class → base names


def _module_name(relative: Path) -> str:
    parts = list(relative.with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _helper_context(func: ast.FunctionDef, constants: dict[str, str]) -> str | None:
    """The fixed context of ``def h(text): return QCoreApplication.translate(CTX, text)``."""
    body = [s for s in func.body if not (isinstance(s, ast.Expr)
                                         and isinstance(s.value, ast.Constant))]
    if len(func.args.args) != 1 or len(body) != 1 or not isinstance(body[0], ast.Return):
        return None
    call = body[0].value
    if not (isinstance(call, ast.Call) and _is_translate(call.func) and len(call.args) == 2):
        return None
    text = call.args[1]
    if not (isinstance(text, ast.Name) and text.id == func.args.args[0].arg):
        return None
    return _string(call.args[0], constants)


def _is_translate(func: ast.expr) -> bool:
    return (isinstance(func, ast.Attribute) and func.attr == "translate"
            and isinstance(func.value, ast.Name) and func.value.id in TRANSLATE_OWNERS)


def _string(node: ast.expr, constants: dict[str, str]) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.Name):
        return constants.get(node.id)
    return None


class SourceReader:
    """Reads the modules below ``packages`` of the repository at ``root``."""

    def __init__(self, root: Path,
                 packages: tuple[str, ...] = ("kpass/ui", "kpass/devtools")) -> None:
        self.root = root
        self.packages = packages
        self._modules: dict[str, _Module] = {}

    def extract(self) -> Extraction:
        """Every message with its locations; raises ExtractionError on unreadable code."""
        files = sorted(p for package in self.packages for p in (self.root / package).rglob("*.py"))
        scanned = [self._load(_module_name(p.relative_to(self.root))) for p in files]
        result = Extraction()
        subclassed = {base for m in scanned for bases in m.classes.values() for base in bases}
        for module in scanned:
            _Visitor(self, module, result, subclassed).visit(module.tree)
        marked = {key.context for key in result.locations} - result.used_contexts
        for key, places in sorted(result.locations.items()):
            if key.context in marked:
                marked.discard(key.context)
                result.problems.append(
                    f"{places[0]}: context {key.context!r} is marked but never translated "
                    "(a typo? the context must match the one of the _tr helper or class)"
                )
        if result.problems:
            raise ExtractionError(result.problems)
        return result

    # -- modules ---------------------------------------------------------------------------
    def _load(self, name: str) -> _Module:
        if name in self._modules:
            return self._modules[name]
        base = self.root / name.replace(".", "/")
        path = base.with_suffix(".py")
        if not path.is_file():
            path = base / "__init__.py"
        relative = path.relative_to(self.root).as_posix()
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=relative)
        module = _Module(name, relative, tree)
        for node in tree.body:
            if isinstance(node, ast.Assign | ast.AnnAssign) and node.value is not None:
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                value = _string(node.value, {})
                for target in targets:
                    if isinstance(target, ast.Name) and value is not None:
                        module.constants[target.id] = value
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                for alias in node.names:
                    module.imports[alias.asname or alias.name] = (node.module, alias.name)
            elif isinstance(node, ast.ClassDef):
                module.classes[node.name] = [b.id for b in node.bases if isinstance(b, ast.Name)]
        for node in tree.body:
            if isinstance(node, ast.FunctionDef):
                context = _helper_context(node, module.constants)
                if context is not None:
                    module.helpers[node.name] = context
        self._modules[name] = module
        return module

    def helper_context(self, module: _Module, name: str) -> str | None:
        """The context of the translate helper called ``name`` in ``module``, if it is one."""
        if name in module.helpers:
            return module.helpers[name]
        if name in module.imports:
            origin, original = module.imports[name]
            if origin.startswith("kpass.") and self._exists(origin):
                return self.helper_context(self._load(origin), original)
        return None

    def table(self, module: _Module, name: str) -> list[tuple[_Module, ast.expr]] | None:
        """The texts of the table that ``name`` stands for in ``module``, each with the module
        it is written in: a dict or tuple literal (through imports and aliases such as
        ``INCOME_KIND_LABELS = INCOME_LABELS``, and ``**`` of another table), or the long or
        short labels of the vocabulary's terms (``long_labels(ROLES)``)."""
        found = self._assignment(module, name)
        if found is None:
            return None
        home, value = found
        if isinstance(value, ast.Dict):
            texts: list[tuple[_Module, ast.expr]] = []
            for key, item in zip(value.keys, value.values, strict=True):
                if key is not None:
                    texts.append((home, item))
                    continue
                spread = self._expression_table(home, item)  # {**OTHER, …}
                if spread is None:
                    return None
                texts += spread
            return texts
        if isinstance(value, ast.Tuple | ast.List):
            return [(home, item) for item in value.elts]
        return self._expression_table(home, value)

    def _expression_table(self, module: _Module, value: ast.expr
                          ) -> list[tuple[_Module, ast.expr]] | None:
        if isinstance(value, ast.Name):
            return self.table(module, value.id)
        if isinstance(value, ast.Call) and isinstance(value.func, ast.Name) and \
                value.func.id in ("long_labels", "short_labels") and len(value.args) == 1 and \
                isinstance(value.args[0], ast.Name):
            return self.terms(module, value.args[0].id, short=value.func.id == "short_labels")
        return None

    def terms(self, module: _Module, name: str, *, short: bool
              ) -> list[tuple[_Module, ast.expr]] | None:
        """The long (or short) labels of the ``Term`` table ``name``: ``{code: Term(long,
        short)}``, ``_plain(code=long, …)`` and ``**`` of another term table."""
        found = self._assignment(module, name)
        if found is None:
            return None
        home, value = found
        if isinstance(value, ast.Call):  # _plain(code="label", …)
            return [(home, keyword.value) for keyword in value.keywords]
        if not isinstance(value, ast.Dict):
            return None
        texts: list[tuple[_Module, ast.expr]] = []
        for key, item in zip(value.keys, value.values, strict=True):
            if key is None and isinstance(item, ast.Name):
                spread = self.terms(home, item.id, short=short)
                if spread is None:
                    return None
                texts += spread
            elif isinstance(item, ast.Call) and item.args:
                texts.append((home, item.args[1] if short and len(item.args) > 1
                              else item.args[0]))
            else:
                return None
        return texts

    def _assignment(self, module: _Module, name: str) -> tuple[_Module, ast.expr] | None:
        """Where ``name`` gets its value: in ``module`` or the module it is imported from."""
        for node in module.tree.body:
            if isinstance(node, ast.Assign | ast.AnnAssign) and node.value is not None:
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                if any(isinstance(t, ast.Name) and t.id == name for t in targets):
                    if isinstance(node.value, ast.Name) and node.value.id != name:
                        return self._assignment(module, node.value.id)
                    return module, node.value
        if name in module.imports:
            origin, original = module.imports[name]
            if origin.startswith("kpass") and self._exists(origin):
                return self._assignment(self._load(origin), original)
        return None

    def _exists(self, name: str) -> bool:
        base = self.root / name.replace(".", "/")
        return base.with_suffix(".py").is_file() or (base / "__init__.py").is_file()


class _Visitor(ast.NodeVisitor):
    def __init__(self, reader: SourceReader, module: _Module, result: Extraction,
                 subclassed: set[str]) -> None:
        self.reader = reader
        self.module = module
        self.result = result
        self.subclassed = subclassed
        self.classes: list[str] = []

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        self.classes.append(node.name)
        self.generic_visit(node)
        self.classes.pop()

    def visit_Call(self, node: ast.Call) -> None:
        self.generic_visit(node)
        func = node.func
        if isinstance(func, ast.Attribute) and func.attr == "tr" and \
                isinstance(func.value, ast.Name) and func.value.id == "self":
            self._self_tr(node)
        elif _is_translate(func):
            context = self._context(node, 0)
            if context is not None:
                self.result.used_contexts.add(context)
                self._text(node, context, 1, comment_at=2, literal_needed=False)
        elif isinstance(func, ast.Name) and func.id == NOOP_MARKER:
            context = self._context(node, 0)
            if context is not None:
                self._text(node, context, 1, comment_at=None, literal_needed=True)
        elif isinstance(func, ast.Name) and func.id == TABLE_MARKER:
            context = self._context(node, 0)
            for arg in node.args[1:]:
                if context is not None:
                    self._tables(arg, context)
        elif isinstance(func, ast.Name):
            context = self.reader.helper_context(self.module, func.id)
            if context is not None:
                self.result.used_contexts.add(context)
                self._text(node, context, 0, comment_at=None, literal_needed=False)

    def _self_tr(self, node: ast.Call) -> None:
        if not self.classes:
            self._problem(node, "self.tr() outside a class")
            return
        context = self.classes[-1]
        if context in self.subclassed:
            self._problem(node, f"self.tr() in {context}, which is subclassed: PySide looks the "
                          "text up under the subclass name; use a module _tr helper instead")
            return
        self.result.used_contexts.add(context)
        self._text(node, context, 0, comment_at=1, literal_needed=False)

    def _context(self, node: ast.Call, index: int) -> str | None:
        if len(node.args) <= index:
            self._problem(node, "the translation context is missing")
            return None
        context = _string(node.args[index], self.module.constants)
        if context is None:
            self._problem(node, "the context must be a string literal or a module constant")
        return context

    def _text(self, node: ast.Call, context: str, index: int, comment_at: int | None,
              literal_needed: bool) -> None:
        if len(node.args) <= index:
            self._problem(node, "the text to translate is missing")
            return
        arg = node.args[index]
        if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
            comment = ""
            if comment_at is not None and len(node.args) > comment_at:
                found = _string(node.args[comment_at], self.module.constants)
                if found is None:
                    self._problem(node, "the disambiguation must be a string literal")
                    return
                comment = found
            self.result.add(Key(context, arg.value, comment), self._at(node))
        elif isinstance(arg, ast.JoinedStr | ast.BinOp):
            self._problem(node, "translate one string literal with %1 placeholders, not an "
                          "f-string or a + of strings")
        elif literal_needed:
            self._problem(node, "QT_TRANSLATE_NOOP needs a string literal")
        # Else a variable: its texts are marked where they are written (QT_TRANSLATE_NOOP or
        # translatable_tables); tests/ui/test_english_ui.py checks this at run time too.

    def _tables(self, arg: ast.expr, context: str) -> None:
        found = self.reader.table(self.module, arg.id) if isinstance(arg, ast.Name) else None
        if found is None:
            self._problem(arg, "translatable_tables takes names of dict or tuple literals")
            return
        for module, value in found:
            if not (isinstance(value, ast.Constant) and isinstance(value.value, str)):
                self.result.problems.append(
                    f"{module.path}:{value.lineno}: a translatable table holds string literals")
                continue
            self.result.add(Key(context, value.value), Location(module.path, value.lineno))

    def _at(self, node: ast.expr) -> Location:
        return Location(self.module.path, node.lineno)

    def _problem(self, node: ast.expr, message: str) -> None:
        self.result.problems.append(f"{self._at(node)}: {message}")
