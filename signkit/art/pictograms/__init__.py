"""Pictogram modules: each registers its signs with :func:`signkit.art.catalog.sign` on import."""
