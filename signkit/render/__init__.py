"""Rendering: a laid-out board to PDF bytes with ReportLab (CMYK, embedded fonts, page boxes, PDF/X keys), and PDF pages to PNG.
"""
