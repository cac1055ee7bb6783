"""Loading: bytes → text → YAML node tree with positions → validated site model."""
