"""One layout module per 附表: ``layout(ctx, planned, sizing) -> (Board, Frame)``.

:mod:`signkit.layout.registry` maps a form id to its module.
"""
