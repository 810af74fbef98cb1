"""The package as installed: its stubs describe the module, every public
item has a docstring, and `chatcodes` re-exports the extension module."""

import ast
import importlib.resources
import inspect

import chatcodes
from chatcodes import _chatcodes

# Type aliases of the stubs, not names of the module.
ALIASES = {"Lang", "Vendor", "_Line"}


def stubs():
    text = importlib.resources.files("chatcodes").joinpath("_chatcodes.pyi").read_text()
    return ast.parse(text)


def public(names):
    return {n for n in names if not n.startswith("_")}


def test_the_stubs_name_what_the_module_has():
    tree = stubs()
    top = set()
    for node in tree.body:
        if isinstance(node, (ast.ClassDef, ast.FunctionDef)):
            top.add(node.name)
        elif isinstance(node, ast.AnnAssign):
            top.add(node.target.id)
        elif isinstance(node, ast.Assign):
            top.update(t.id for t in node.targets)
    assert public(top - ALIASES) == public(dir(_chatcodes))
    for node in tree.body:
        if isinstance(node, ast.ClassDef) and node.name != "NotAResponse":
            members = {n.name for n in node.body if isinstance(n, ast.FunctionDef)}
            assert public(members) == public(dir(getattr(_chatcodes, node.name))), node.name


def test_the_package_re_exports_the_module_and_is_typed():
    assert set(chatcodes.__all__) == public(dir(_chatcodes)) | {"__version__"}
    assert importlib.resources.files("chatcodes").joinpath("py.typed").is_file()
    assert issubclass(chatcodes.NotAResponse, ValueError)
    assert chatcodes.__version__.count(".") == 2


def test_every_public_item_has_a_docstring():
    for name in public(dir(_chatcodes)):
        item = getattr(_chatcodes, name)
        if isinstance(item, str):
            continue
        assert inspect.getdoc(item), name
        if inspect.isclass(item) and not issubclass(item, Exception):
            for member in public(dir(item)):
                assert inspect.getdoc(getattr(item, member)), f"{name}.{member}"
