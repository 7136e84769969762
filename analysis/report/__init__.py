"""Report: HTML pages, tables and figures for the notebooks."""
