"""Metadata: dates, bylines, captions and credits, sources, agency datelines, the title."""
