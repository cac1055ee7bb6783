"""Facts of the regulation about each 附表: sizes, legible minima, viewing distances, who makes it, where it hangs.

Also the cells the content rules judge (:mod:`.grids`).  Every stage that needs such a
fact reads it here, so it is written down once.
"""
