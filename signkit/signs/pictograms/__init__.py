"""Pictogram modules: each registers its signs with :func:`signkit.signs.catalog.sign` on import."""
