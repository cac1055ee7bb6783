"""The drawing model and the tools that fill it: boards, pages and items in mm (CMYK only), boxes, frames, Chinese text.

What layouts, sign artwork, QR codes and print-shop sheets are built from, and what
:mod:`signkit.render` draws; nothing here knows ReportLab.
"""
