"""Pictogram modules: each registers its signs with :func:`signkit.art.registry.sign` on import."""
