"""signkit's version, in a module that imports nothing of signkit.

Every module that records the version (PDF metadata, manifests, build hashes) reads it
from here, so none of them has to import the package's ``__init__`` (which imports the
public API, and so, through it, almost everything else).
"""

__version__ = "0.1.0"
