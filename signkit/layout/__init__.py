"""Layout: one module per 附表, each turning a site and a size into a board of boxes and text in millimetres (no ReportLab).

:mod:`.registry` maps a 附表 to its module and lays a planned board out with its
content stamp (:mod:`.stamp`); :mod:`.context` holds what every layout receives and the
house style; :mod:`.fixed_text` the regulation's fixed wording.
"""
