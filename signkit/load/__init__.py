"""Loading: bytes → text → YAML node tree with the line and column of every node (validation is :mod:`signkit.model`)."""
