"""Writing to disk: atomic files, the output lock, safe file names, the typed manifest, and publishing a built site.

A reader of the output folder never sees half a file, and the manifest is never wrong
about the disk, however a run ends (see :mod:`.publish`).
"""
