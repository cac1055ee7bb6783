"""The public API: every name in ``signkit.__all__`` is there, and every exception signkit raises derives from SignkitError."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import pytest

import signkit


@pytest.mark.parametrize("name", signkit.__all__)
def test_every_public_name_resolves(name: str) -> None:
    assert getattr(signkit, name) is not None
    assert name in dir(signkit)


def test_unknown_names_are_an_attribute_error() -> None:
    with pytest.raises(AttributeError):
        _ = signkit.no_such_name  # type: ignore[attr-defined]


def test_every_signkit_exception_derives_from_signkit_error() -> None:
    """Callers catch one class; anything else escaping is a bug (the CLI's exit code 3)."""
    exceptions = set()
    for info in pkgutil.walk_packages(signkit.__path__, "signkit."):
        module = importlib.import_module(info.name)
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, BaseException) and cls.__module__.startswith("signkit"):
                exceptions.add(cls)
    # SIGTERM raised where a render is, so it unwinds like Ctrl-C: a signal, deliberately not an Exception
    signals = {cls for cls in exceptions if issubclass(cls, KeyboardInterrupt)}
    assert {cls.__name__ for cls in signals} == {"Terminated"}
    assert len(exceptions - signals) >= 8
    assert all(issubclass(cls, signkit.SignkitError) for cls in exceptions - signals)
