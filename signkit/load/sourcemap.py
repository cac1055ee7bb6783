"""Where each key path of a site file starts: the line and column every diagnostic points at.

Its own module because both halves of reading a site file need it: the builder
(:mod:`signkit.load.builder`) fills it while it turns YAML events into data, and every
later stage (validation, rules, layout) only reads it, through
:mod:`signkit.load.yaml_tree`, which re-exports it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from signkit.diagnostics import KeyPath, Location


@dataclass
class SourceMap:
    """Where each key path starts in the file (1-based line and column)."""

    file: str
    keys: dict[KeyPath, tuple[int, int]] = field(default_factory=dict)
    values: dict[KeyPath, tuple[int, int]] = field(default_factory=dict)
    #: key paths whose value is a non-empty scalar (point at the value, not the key)
    scalars: set[KeyPath] = field(default_factory=set)

    def locate(self, path: KeyPath, *, key: bool = False) -> Location:
        """The best position for a diagnostic about ``path``.

        A non-empty scalar value is pointed at directly; an empty value, a mapping or
        a list is pointed at by its key; a path that does not exist in the file (a
        missing key) is pointed at by its nearest existing ancestor, but the location
        keeps the full path so the message can name what is missing.  ``key=True``
        points at the key even when the value is a scalar (an unknown key is the
        key's fault, not its value's).
        """
        probe = path
        while True:
            if not key and probe in self.scalars and probe in self.values:
                line, column = self.values[probe]
                return Location(self.file, line, column, path)
            if probe in self.keys:
                line, column = self.keys[probe]
                return Location(self.file, line, column, path)
            if probe in self.values:
                line, column = self.values[probe]
                return Location(self.file, line, column, path)
            if not probe:
                return Location(self.file, 1, 1, path)
            probe = probe[:-1]
