"""Orchestration: the stages run in order for one site file, for a folder of them, and for the commands that compare or convert.

:mod:`.check` (read → validate → rules → plan → lay out), :mod:`.build` (lay out and
render one site in memory), :mod:`.site_job` (one enterprise from file to published
folder), :mod:`.jobs` (many enterprises in worker processes), :mod:`.render_files` (the
output folder as a whole: lock, top manifest, print order), :mod:`.incremental` and
:mod:`.reprint` (what changed since the last run), :mod:`.diff`, :mod:`.preview`,
:mod:`.convert` (workbooks in and out).  The options of a run travel in one
:class:`~signkit.pipeline.options.RenderOptions`.
"""
